"""The consultation list: written with `ConsultationHeld` in its transaction, read by
the list of consultations. Ids, codes and days only: who came is recorded nowhere."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters.tables import consultation_list
from shared.clock import business_day
from shared.contracts import volunteer as c
from shared.validation import IdUnavailable


@dataclass(frozen=True)
class Filter:
    """Which consultations to list: `query`'s, within `provider` (None: every provider)."""

    provider: str | None
    query: c.ListConsultations


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


_SORT = {
    "held_on": consultation_list.c.held_on,
    "provider": consultation_list.c.provider,
    "channel": consultation_list.c.channel,
    "topic": consultation_list.c.topic,
}


async def listing(
    conn: AsyncConnection, municipality: str, f: Filter
) -> tuple[list[c.ConsultationEntry], int]:
    """One page of consultations, filtered and ordered in SQL, and the total of all pages."""
    t, q = consultation_list, f.query
    query = select(t).where(t.c.municipality == municipality)
    for wanted in (f.provider, q.provider):
        if wanted is not None:
            query = query.where(t.c.provider == wanted)
    if q.appointments_only:
        query = query.where(t.c.appointment.is_(True))
    if q.channel is not None:
        query = query.where(t.c.channel == q.channel.value)
    if q.topic is not None:
        query = query.where(t.c.topic == q.topic.value)
    if q.from_day is not None:
        query = query.where(t.c.held_on >= q.from_day)
    if q.to_day is not None:
        query = query.where(t.c.held_on <= q.to_day)
    total = await conn.scalar(select(func.count()).select_from(query.subquery()))
    column = _SORT[q.sort]
    order = column.desc() if q.descending else column.asc()
    # Within a day (or a code), the newest day first, then the id: a stable order.
    query = query.order_by(order, t.c.held_on.desc(), t.c.consultation_id)
    rows = await conn.execute(query.limit(q.per_page).offset(q.offset))
    entries = [c.ConsultationEntry.model_validate(r, from_attributes=True) for r in rows]
    return entries, total or 0


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
