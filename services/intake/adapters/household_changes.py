"""Personal-data writes of the household's later commands (composition, site, notes).

Each runs inside the command's transaction (CommandExecutor's `also`), so it commits
or rolls back with the events.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.intake.adapters.personal_data import insert_members
from services.intake.adapters.tables import (
    household_details,
    household_members,
    household_name_keys,
    readiness_notes,
)
from shared.contracts.intake import AgeBand, Member, MemberRole
from shared.decider import RuleViolation


@dataclass(frozen=True)
class CurrentMember:
    member_id: UUID
    role: MemberRole
    age_band: AgeBand


async def current_members(conn: AsyncConnection, household_id: UUID) -> list[CurrentMember]:
    """The members who have not moved away, without names."""
    rows = await conn.execute(
        select(
            household_members.c.member_id, household_members.c.role, household_members.c.age_band
        )
        .where(
            household_members.c.household_id == household_id, household_members.c.left_on.is_(None)
        )
        .order_by(household_members.c.position)
    )
    return [CurrentMember(r.member_id, MemberRole(r.role), AgeBand(r.age_band)) for r in rows]


async def add_members(conn: AsyncConnection, household_id: UUID, members: list[Member]) -> None:
    last = (
        await conn.execute(
            select(func.max(household_members.c.position)).where(
                household_members.c.household_id == household_id
            )
        )
    ).scalar_one()
    first = 0 if last is None else last + 1
    await insert_members(conn, household_id, members, first)


async def remove_members(
    conn: AsyncConnection,
    household_id: UUID,
    member_ids: list[UUID],
    left_on: date,
    new_head: UUID | None,
) -> None:
    """Mark members as moved away; refuse if one of them left in the meantime."""
    moved = await conn.execute(
        update(household_members)
        .where(
            household_members.c.household_id == household_id,
            household_members.c.member_id.in_(member_ids),
            household_members.c.left_on.is_(None),
        )
        .values(left_on=left_on)
    )
    if moved.rowcount != len(member_ids):
        raise RuleViolation(
            "unknown_member", "Mindestens eine der Personen gehört nicht (mehr) zum Haushalt."
        )
    # The directory finds a household by the names of those who live in it.
    keys = household_name_keys
    await conn.execute(delete(keys).where(keys.c.member_id.in_(member_ids)))
    if new_head is not None:
        await conn.execute(
            update(household_members)
            .where(household_members.c.member_id == new_head)
            .values(role=MemberRole.head.value)
        )


async def set_site(conn: AsyncConnection, household_id: UUID, site: str | None) -> None:
    await conn.execute(
        update(household_details)
        .where(household_details.c.household_id == household_id)
        .values(accommodation_site=site)
    )


async def save_deregistration_note(conn: AsyncConnection, household_id: UUID, note: str) -> None:
    await conn.execute(
        update(household_details)
        .where(household_details.c.household_id == household_id)
        .values(deregistration_note=note)
    )


async def save_readiness_note(
    conn: AsyncConnection, household_id: UUID, assessment_id: UUID, note: str
) -> None:
    await conn.execute(
        insert(readiness_notes).values(
            assessment_id=assessment_id, household_id=household_id, note=note
        )
    )
