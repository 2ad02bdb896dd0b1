"""The table `consultation_appointments`: each consultation's open appointment, kept in
step with the consultation's stream in the transaction of its events, and the query of a
window.

The row's day, time, length and attendee follow the events; its `place` is written only by
the request that arranges or moves the appointment (it is in no event). Once the
appointment is no longer open (consultation recorded, appointment cancelled) the row and
its place are gone.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters.tables import consultation_appointments as t
from services.volunteer.adapters.tables import known_households, tandem_index
from services.volunteer.domain.office_hours import OfficeHour


async def index_appointment(
    conn: AsyncConnection, municipality: str, appointment_id: UUID, state: OfficeHour
) -> None:
    """Make the appointment's row match the stream (or remove it when it is not open)."""
    open_ = state.open_appointment
    if open_ is None or state.provider is None:
        await conn.execute(delete(t).where(t.c.appointment_id == appointment_id))
        return
    values = {
        "day": open_.day,
        "at": open_.at,
        "minutes": open_.minutes,
        "attendee": open_.attendee,
        "provider": state.provider,
        "tandem_id": open_.tandem_id,
        "household_id": open_.household_id,
    }
    done = await conn.execute(update(t).where(t.c.appointment_id == appointment_id).values(values))
    if done.rowcount == 0:
        await conn.execute(
            insert(t).values(appointment_id=appointment_id, municipality=municipality, **values)
        )


async def save_place(conn: AsyncConnection, appointment_id: UUID, place: str | None) -> None:
    """The place of the open appointment as the request gave it."""
    await conn.execute(update(t).where(t.c.appointment_id == appointment_id).values(place=place))


async def in_window(
    conn: AsyncConnection,
    municipality: str,
    from_day: date,
    to_day: date,
    *,
    provider: str | None,
    attendee: str | None,
    hide_restricted: bool,
    limit: int,
) -> Sequence[Any]:
    """Rows of the window, ordered by day, time and id; `provider`/`attendee` narrow it,
    `hide_restricted` leaves out those of a household whose processing is restricted."""
    query = select(t).where(t.c.municipality == municipality, t.c.day.between(from_day, to_day))
    if hide_restricted:
        h = known_households
        restricted = select(h.c.household_id).where(h.c.restricted_on.is_not(None))
        query = query.where(or_(t.c.household_id.is_(None), t.c.household_id.not_in(restricted)))
    if provider is not None:
        query = query.where(t.c.provider == provider)
    if attendee is not None:
        query = query.where(t.c.attendee == attendee)
    query = query.order_by(t.c.day, t.c.at, t.c.appointment_id).limit(limit)
    return list(await conn.execute(query))


async def forget_places_of_household(
    conn: AsyncConnection, municipality: str, household_id: UUID
) -> int:
    """Erasure of a household: the places of its appointments go (the rows keep ids)."""
    done = await conn.execute(
        update(t)
        .where(t.c.municipality == municipality, t.c.household_id == household_id)
        .where(t.c.place.is_not(None))
        .values(place=None)
    )
    return done.rowcount or 0


async def forget_places_of_volunteer(conn: AsyncConnection, volunteer_id: UUID) -> int:
    """Erasure of a volunteer: the places of their tandems' appointments go."""
    tandems = select(tandem_index.c.tandem_id).where(tandem_index.c.volunteer_id == volunteer_id)
    done = await conn.execute(
        update(t).where(t.c.tandem_id.in_(tandems), t.c.place.is_not(None)).values(place=None)
    )
    return done.rowcount or 0
