"""Rebuild the lists (`case_index`, `aftercare_offers`) from prevention's own event store
(docs/architecture.md, invariant 4): every stream is folded again and its row written as a command
would have written it, so the rebuilt lists equal the live ones.

Runs in one transaction, holding the events of all streams in memory: fine for the
thousands of cases a municipality has, and the service should be stopped meanwhile.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import delete

from services.prevention.adapters.aftercare_offers import index_aftercare
from services.prevention.adapters.appointments import index_appointment
from services.prevention.adapters.case_index import index_case
from services.prevention.adapters.tables import aftercare_offers, case_index
from services.prevention.domain import aftercare as ac
from services.prevention.domain import case as cs
from shared.db import Database
from shared.envelope import DomainEvent
from shared.eventstore.store import EventStore


async def reindex(db: Database, store: EventStore) -> int:
    """Drop and rewrite both lists; returns how many streams were folded."""
    async with db.transaction() as conn:
        await conn.execute(delete(case_index))
        await conn.execute(delete(aftercare_offers))
        streams: dict[tuple[str, str], list[DomainEvent]] = defaultdict(list)
        position = 0
        while batch := await store.read_all(conn, after_position=position):
            for _, envelope in batch:
                event = store.registry.decode(envelope)
                if event is not None:
                    streams[(envelope.stream_id, envelope.municipality)].append(event)
            position = batch[-1][0]
        for (stream_id, municipality), history in streams.items():
            if stream_id.startswith("case:"):
                case = cs.case.fold(history)  # type: ignore[arg-type]
                await index_case(conn, municipality, case)
                # The appointments' rows keep their places: only brought in step.
                await index_appointment(conn, municipality, case)
            elif stream_id.startswith("aftercare:"):
                state = ac.aftercare.fold(history)  # type: ignore[arg-type]
                await index_aftercare(conn, municipality, state)
    return len(streams)
