"""A rebuild's catch-up (`shared.catchup`) killed midway resumes without doubling, and the
live consumer takes over after it without a gap."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from uuid import uuid4

import nats
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.reporting.adapters.cube import fact_days
from services.reporting.adapters.facts import registrations
from services.reporting.application.projection import CONSUMER, FiguresProjection
from services.reporting.entrypoints.app import MIGRATIONS
from shared.clock import business_time, utcnow
from shared.consumer import EventConsumer
from shared.contracts import CONTRACTS
from shared.contracts.intake import AccommodationKind, HouseholdRegistered
from shared.db import Database
from shared.envelope import Envelope
from shared.eventstore.schema import processed_events
from shared.eventstore.store import RecordedEvent
from shared.messaging import EVENTS_STREAM, ensure_streams
from shared.migrations import upgrade
from support.nats_server import NatsServer

EVENTS = 2500  # three catch-up batches


class DiesInSecondBatch(FiguresProjection):
    """Writes the first batch, then hangs inside the second one's transaction."""

    def __init__(self) -> None:
        self.batches, self.stuck = 0, asyncio.Event()

    async def apply(self, conn: AsyncConnection, batch: Sequence[RecordedEvent]) -> None:
        self.batches += 1
        await super().apply(conn, batch)
        if self.batches == 2:
            self.stuck.set()
            await asyncio.Event().wait()  # killed here: this transaction never commits


def body(provider: str) -> bytes:
    event = HouseholdRegistered(
        household_id=uuid4(), provider=provider, adults=1, minors=1,
        accommodation_kind=AccommodationKind.shelter, occurred_at=business_time(date(2025, 5, 1)),
    )  # fmt: skip
    return Envelope(
        event_id=uuid4(), event_type=event.event_type, schema_version=1,
        stream_id=f"household:koeln:{event.household_id}", stream_version=1,
        municipality="koeln", provider=provider, actor="test", correlation_id=uuid4(),
        causation_id=None, occurred_at=event.occurred_at, recorded_at=utcnow(),
        payload=event.payload(),
    ).model_dump_json().encode()  # fmt: skip


async def counts(db: Database) -> tuple[int, int, int]:
    async with db.read() as conn:
        rows = (await conn.execute(select(func.count()).select_from(registrations))).scalar()
        days = (await conn.execute(select(func.sum(fact_days.c.n)))).scalar()
        seen = (await conn.execute(select(func.count()).select_from(processed_events))).scalar()
    return int(rows or 0), int(days or 0), int(seen or 0)


@pytest.fixture
def nats_server(tmp_path: Path) -> Iterator[NatsServer]:
    """Open, like the benchmarks': these tests drive the kernel's consumer with names and
    subjects of their own, not a service's (the bus's rules: test_bus_access.py)."""
    with NatsServer(tmp_path / "nats", secured=False) as server:
        yield server


async def test_a_catch_up_killed_midway_resumes_without_doubling_then_hands_over(
    nats_server: NatsServer, database_urls: dict[str, str], tmp_path: Path
) -> None:
    url = database_urls.get("reporting", f"sqlite+aiosqlite:///{tmp_path}/r.db")
    upgrade(MIGRATIONS, url)
    db = Database(url)
    nc = await nats.connect(nats_server.url)
    js = nc.jetstream()
    await ensure_streams(js)
    for _ in range(EVENTS):
        await js.publish(CONTRACTS.subject("HouseholdRegistered"), body("caritas"))

    dying = DiesInSecondBatch()
    first = EventConsumer(name=CONSUMER, db=db, registry=CONTRACTS, projection=dying)
    await first.start(nc)
    await asyncio.wait_for(dying.stuck.wait(), timeout=30)
    await first.stop()  # the kill: batch 1 committed, batch 2 rolled back, no durable yet
    assert await counts(db) == (1000, 1000, 1000)

    second = EventConsumer(name=CONSUMER, db=db, registry=CONTRACTS, projection=FiguresProjection())
    await second.start(nc)
    await asyncio.wait_for(second.caught_up.wait(), timeout=30)
    assert second.last_catch_up is not None and second.last_catch_up.last_sequence == EVENTS
    assert await counts(db) == (EVENTS, EVENTS, EVENTS)
    durable = await js.consumer_info(EVENTS_STREAM, CONSUMER)
    assert durable.config.opt_start_seq == EVENTS + 1

    await js.publish(CONTRACTS.subject("HouseholdRegistered"), body("drk"))
    for _ in range(200):  # the live path: polling the read model is all there is to wait on
        if (await counts(db))[0] == EVENTS + 1:
            break
        await asyncio.sleep(0.05)
    await second.stop()
    assert await counts(db) == (EVENTS + 1, EVENTS + 1, EVENTS + 1)
    await nc.drain()
    await db.dispose()
