"""A subject's change history read from its owner's event table
(shared/contracts/history.py).

A context wires it in a few lines: one `HistoryBook` naming, per event type of the
subject's stream, the payload keys an entry may show (`FactKeys`; none unless listed),
and a use case that checks that the caller may see the subject, exactly as its page
does, and then calls `page` with the subject's stream id.

**Why from the events.** The stream *is* the record of every change, with its actor and
both times; a second audit table would be a copy that can disagree. Nothing is written
for a history, so it needs no migration, and it is complete back to the first event.

**Paging in SQL.** One subject is one stream, and the unique constraint on
(`stream_id`, `stream_version`) is an index led by the stream id: the count and the page
(ordered by the stream's own version, newest first) read that index alone, however long
the event table grows.

**Only listed facts.** Events hold no personal data, but a page shows only what helps a
reader: the keys listed for the event type, and only codes (a string or a list of
strings) — never a whole payload, which would show ids and versions no reader needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.contracts.history import Fact, History, HistoryEntry, HistoryQuery
from shared.eventstore.schema import events

# Per event type, the payload keys an entry shows.
FactKeys = Mapping[str, tuple[str, ...]]


def facts_of(event_type: str, payload: Mapping[str, Any], shown: FactKeys) -> dict[str, Fact]:
    """The listed facts of one event: codes only; a missing key or another value is left
    out (an older schema version may lack a key)."""
    facts: dict[str, Fact] = {}
    for key in shown.get(event_type, ()):
        value = payload.get(key)
        if isinstance(value, str):
            facts[key] = value
        elif isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            facts[key] = list(value)
    return facts


class HistoryBook:
    """The history of one kind of subject of a context."""

    def __init__(self, shown: FactKeys) -> None:
        self.shown = shown

    async def page(self, conn: AsyncConnection, stream_id: str, query: HistoryQuery) -> History:
        """One page of the stream's events (the caller checked the subject)."""
        scope = events.c.stream_id == stream_id
        total = await conn.scalar(select(func.count()).select_from(events).where(scope)) or 0
        version = events.c.stream_version
        rows = await conn.execute(
            select(
                events.c.event_type,
                events.c.schema_version,
                events.c.occurred_at,
                events.c.recorded_at,
                events.c.actor,
                events.c.payload,
            )
            .where(scope)
            .order_by(version.desc() if query.descending else version.asc())
            .limit(query.per_page)
            .offset(query.offset)
        )
        return History(
            subject_id=query.subject_id,
            entries=[
                HistoryEntry(
                    event_type=row.event_type,
                    schema_version=row.schema_version,
                    occurred_at=row.occurred_at,
                    recorded_at=row.recorded_at,
                    actor=row.actor,
                    facts=facts_of(row.event_type, row.payload, self.shown),
                )
                for row in rows
            ],
            page=query.info(total),
        )
