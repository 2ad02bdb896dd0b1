"""The table `home_visit_appointments`: each case's open home visit appointment, kept in
step with the case's state in the transaction of its events, and the query of a window.

The row's day, time, length and attendee follow the events; its `place` is written only by
the request that makes or moves the appointment (it is in no event). Once the appointment
is no longer open (visit recorded, cancelled, case closed or erased) the row and its place
are gone.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.prevention.adapters.tables import home_visit_appointments as t
from services.prevention.domain.case_state import Case


async def index_appointment(conn: AsyncConnection, municipality: str, state: Case) -> None:
    """Make the case's row match its open appointment (or remove it when none is open)."""
    if state.case_id is None:
        return
    open_ = state.appointment
    if open_ is None:
        await conn.execute(delete(t).where(t.c.case_id == state.case_id))
        return
    # Another appointment's row of this case (settled, then a new one made): replaced.
    await conn.execute(
        delete(t).where(t.c.case_id == state.case_id, t.c.appointment_id != open_.appointment_id)
    )
    values = {
        "day": open_.day,
        "at": open_.at,
        "minutes": open_.minutes,
        "attendee": open_.attendee,
        "provider": state.provider,
        "household_id": state.household_id,
    }
    done = await conn.execute(
        update(t).where(t.c.appointment_id == open_.appointment_id).values(**values)
    )
    if done.rowcount == 0:
        await conn.execute(
            insert(t).values(
                appointment_id=open_.appointment_id,
                municipality=municipality,
                case_id=state.case_id,
                **values,
            )
        )


async def save_place(conn: AsyncConnection, state: Case, place: str | None) -> None:
    """The place of the case's open appointment as the request gave it."""
    if state.appointment is None:
        return
    await conn.execute(
        update(t).where(t.c.appointment_id == state.appointment.appointment_id).values(place=place)
    )


async def place_of(conn: AsyncConnection, case_id: Any) -> str | None:
    row = (await conn.execute(select(t.c.place).where(t.c.case_id == case_id))).first()
    return None if row is None else row.place


async def in_window(
    conn: AsyncConnection,
    municipality: str,
    from_day: date,
    to_day: date,
    *,
    provider: str | None,
    attendee: str | None,
    limit: int,
) -> Sequence[Any]:
    """Rows of the window, ordered by day, time and id; `provider`/`attendee` narrow it."""
    query = select(t).where(t.c.municipality == municipality, t.c.day.between(from_day, to_day))
    if provider is not None:
        query = query.where(t.c.provider == provider)
    if attendee is not None:
        query = query.where(t.c.attendee == attendee)
    query = query.order_by(t.c.day, t.c.at, t.c.appointment_id).limit(limit)
    return list(await conn.execute(query))
