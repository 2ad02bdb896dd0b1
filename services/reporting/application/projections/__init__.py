"""The projections of the reporting service.

`FactsProjection` (consumer `reporting-facts`) turns the events of every context into
fact rows (one small module of handlers per context) and keeps the caseboard; the older
`RegistrationsProjection` (consumer `reporting-figures`) keeps the registration facts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.reporting.adapters import cube
from services.reporting.adapters.intake_tables import inquiries
from services.reporting.adapters.sources import SOURCES, FactSource
from services.reporting.application.projections import (
    balances,
    intake,
    placement,
    prevention,
    volunteer,
)
from services.reporting.application.projections.caseboard import CaseboardProjection
from services.reporting.application.projections.common import BatchContext, registry
from services.reporting.application.projections.follow_ups import FollowUpsProjection
from shared.clock import business_day
from shared.contracts.intake import InquiryReceived, InquiryTriaged
from shared.eventstore.store import RecordedEvent

FACTS_CONSUMER = "reporting-facts"
HANDLERS = registry(intake.HANDLERS, placement.HANDLERS, prevention.HANDLERS, volunteer.HANDLERS)
# The daily counts each fact table feeds (`registrations` are counted by their own consumer).
CUBED: dict[Table, list[tuple[str, FactSource]]] = defaultdict(list)
for _name, _source in SOURCES.items():
    CUBED[_source.table].append((_name, _source))


class FactsProjection:
    """Every counted event becomes fact rows; the rows of a batch go in one insert per table."""

    def __init__(self) -> None:
        self.caseboard = CaseboardProjection()
        self.follow_ups = FollowUpsProjection()

    async def apply(self, conn: AsyncConnection, batch: Sequence[RecordedEvent]) -> None:
        context = await _context(conn, batch)
        rows: dict[Table, list[dict[str, Any]]] = defaultdict(list)
        for recorded in batch:
            handler = HANDLERS.get(type(recorded.event))
            if handler is not None:
                for table, row in handler(recorded, context):
                    rows[table].append(row)
        for table, table_rows in rows.items():
            await conn.execute(insert(table), table_rows)
        await cube.add(conn, _daily_counts(rows))
        changed_cards = await self.caseboard.apply(conn, batch)
        await self.follow_ups.apply(conn, batch, changed_cards)


def _daily_counts(rows: dict[Table, list[dict[str, Any]]]) -> dict[tuple[Any, ...], list[int]]:
    """The batch's facts counted per source, day, recording day and dimensions."""
    counts: dict[tuple[Any, ...], list[int]] = {}
    for table, table_rows in rows.items():
        for name, source in CUBED.get(table, ()):
            for row in table_rows:
                if not source.takes(row):
                    continue
                key = (
                    name,
                    row["municipality"],
                    row["provider"] or "",
                    row["occurred_on"],
                    business_day(row["recorded_at"]),
                    cube.dims_key(row[d] for d in source.dims),
                )
                total = counts.setdefault(key, [0, 0, 0])
                total[0] += 1
                if source.persons:
                    total[1] += row["adults"]
                    total[2] += row["minors"]
    for balance, fact, provider, delta in balances.bookings(rows):
        day = business_day(fact["recorded_at"])
        key = (balance, fact["municipality"], provider or "", fact["occurred_on"], day, "[]")
        counts.setdefault(key, [0, 0, 0])[0] += delta
    return counts


async def _context(conn: AsyncConnection, batch: Sequence[RecordedEvent]) -> BatchContext:
    """When the inquiries first triaged in this batch were received (batch first, then table)."""
    context = BatchContext()
    wanted = {
        (r.envelope.municipality, r.event.inquiry_id)
        for r in batch
        if isinstance(r.event, InquiryTriaged) and r.event.first
    }
    if not wanted:
        return context
    received = context.inquiry_received_at
    for recorded in batch:
        event = recorded.event
        key = (recorded.envelope.municipality, getattr(event, "inquiry_id", None))
        if isinstance(event, InquiryReceived) and key in wanted:
            received[(key[0], event.inquiry_id)] = event.occurred_at
    missing = wanted - set(received)
    if missing:
        statement = select(
            inquiries.c.municipality, inquiries.c.inquiry_id, inquiries.c.received_at
        ).where(inquiries.c.inquiry_id.in_({i for _, i in missing}))
        for municipality, inquiry_id, received_at in await conn.execute(statement):
            if (municipality, inquiry_id) in missing:
                received[(municipality, inquiry_id)] = received_at
    return context
