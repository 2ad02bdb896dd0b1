"""The consultation list: written with `ConsultationHeld` in its transaction, read by
the list of consultations. Ids, codes and days only: who came is recorded nowhere."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters.tables import consultation_list
from shared.clock import business_day
from shared.contracts import volunteer as c
from shared.validation import IdUnavailable


@dataclass(frozen=True)
class Filter:
    """Which consultations to list; `provider` None means every provider."""

    provider: str | None = None
    appointments_only: bool = False
    from_day: date | None = None
    to_day: date | None = None
    limit: int = 50


async def add(conn: AsyncConnection, municipality: str, held: Sequence[c.ConsultationHeld]) -> None:
    """Add the consultations not listed yet (an office hour's state carries all of them).

    An id listed for another municipality or another office hour is somebody else's
    consultation: refused (`IdUnavailable`), where skipping it would lose this one unseen.
    """
    t = consultation_list
    ids = [e.consultation_id for e in held]
    if not ids:
        return
    rows_known = await conn.execute(
        select(t.c.consultation_id, t.c.municipality, t.c.office_hour_id).where(
            t.c.consultation_id.in_(ids)
        )
    )
    known = {row.consultation_id: (row.municipality, row.office_hour_id) for row in rows_known}
    for e in held:
        if e.consultation_id in known and known[e.consultation_id] != (
            municipality,
            e.office_hour_id,
        ):
            raise IdUnavailable("already_recorded")
    rows = [_row(municipality, e) for e in held if e.consultation_id not in known]
    if rows:
        await conn.execute(insert(t), rows)


async def listing(conn: AsyncConnection, municipality: str, f: Filter) -> list[c.ConsultationEntry]:
    t = consultation_list
    query = select(t).where(t.c.municipality == municipality)
    if f.provider is not None:
        query = query.where(t.c.provider == f.provider)
    if f.appointments_only:
        query = query.where(t.c.appointment.is_(True))
    if f.from_day is not None:
        query = query.where(t.c.held_on >= f.from_day)
    if f.to_day is not None:
        query = query.where(t.c.held_on <= f.to_day)
    query = query.order_by(t.c.held_on.desc(), t.c.consultation_id).limit(f.limit)
    return [
        c.ConsultationEntry.model_validate(r, from_attributes=True)
        for r in await conn.execute(query)
    ]


def _row(municipality: str, e: c.ConsultationHeld) -> dict[str, object]:
    return {
        "consultation_id": e.consultation_id,
        "municipality": municipality,
        "provider": e.provider,
        "held_on": business_day(e.occurred_at),
        "channel": e.channel.value,
        "visitor": e.visitor.value,
        "topic": e.topic.value,
        "duration_minutes": e.duration_minutes,
        "appointment": e.appointment,
        "office_hour_id": e.office_hour_id,
        "tandem_id": e.tandem_id,
        "household_id": e.household_id,
    }
