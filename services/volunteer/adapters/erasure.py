"""Volunteer's personal-data rows about an intake household: the names and birth dates
of the household's people who attended workshops. Found through volunteer's own
`WorkshopAttended` events (attendee id → household id, and → member id where staff
named the person), deleted on erasure of the household or of that member."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters.tables import attendee_details
from shared.eventstore.schema import events


async def attendees_of_household(
    conn: AsyncConnection, municipality: str, household_id: UUID
) -> list[UUID]:
    rows = await conn.execute(
        select(events.c.payload).where(
            events.c.event_type == "WorkshopAttended", events.c.municipality == municipality
        )
    )
    wanted = str(household_id)
    return sorted({UUID(p["attendee_id"]) for (p,) in rows if p.get("household_id") == wanted})


async def attendees_of_member(
    conn: AsyncConnection, municipality: str, member_id: UUID
) -> list[UUID]:
    """Attendees recorded as this household member (`member_id` of intake)."""
    rows = await conn.execute(
        select(events.c.payload).where(
            events.c.event_type == "WorkshopAttended", events.c.municipality == municipality
        )
    )
    wanted = str(member_id)
    return sorted({UUID(p["attendee_id"]) for (p,) in rows if p.get("member_id") == wanted})


async def erase_attendees(conn: AsyncConnection, attendee_ids: list[UUID]) -> int:
    """Delete the attendees' names and birth dates; how many rows went."""
    if not attendee_ids:
        return 0
    a = attendee_details
    result = await conn.execute(delete(a).where(a.c.attendee_id.in_(attendee_ids)))
    return result.rowcount or 0
