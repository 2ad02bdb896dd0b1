"""The idempotent consumer against a real nats-server: retries with delay, then dead letters."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator, Sequence
from datetime import date
from pathlib import Path
from uuid import UUID, uuid4

import nats
import pytest
from nats.aio.client import Client as NatsClient
from sqlalchemy.ext.asyncio import AsyncConnection

from shared import metrics
from shared.clock import business_time
from shared.consumer import EventConsumer, RetryPolicy
from shared.contracts import CONTRACTS
from shared.contracts.intake import (
    AccommodationKind,
    DeregistrationReason,
    HouseholdDeregistered,
    HouseholdRegistered,
)
from shared.db import Database
from shared.envelope import DomainEvent, Envelope
from shared.eventstore.schema import BACKBONE
from shared.eventstore.store import RecordedEvent
from shared.messaging import DLQ_STREAM, EVENTS_STREAM, ensure_streams
from support.nats_server import NatsServer


class Flaky:
    """Fails for some households: `always` forever, `twice` on the first two attempts."""

    def __init__(self, always: UUID, twice: UUID) -> None:
        self.always, self.twice = always, twice
        self.attempts: dict[UUID, int] = {}
        self.applied: list[UUID] = []

    async def apply(self, conn: AsyncConnection, batch: Sequence[RecordedEvent]) -> None:
        for recorded in batch:
            assert isinstance(recorded.event, HouseholdRegistered)
            hid = recorded.event.household_id
            self.attempts[hid] = self.attempts.get(hid, 0) + 1
            if hid == self.always or (hid == self.twice and self.attempts[hid] <= 2):
                raise RuntimeError(f"cannot apply {hid}")
        self.applied.extend(r.event.household_id for r in batch)  # type: ignore[attr-defined]


def envelope(household_id: UUID, event: DomainEvent | None = None) -> Envelope:
    event = event or HouseholdRegistered(
        household_id=household_id,
        provider="caritas",
        adults=1,
        minors=0,
        accommodation_kind=AccommodationKind.shelter,
        occurred_at=business_time(date(2025, 3, 1)),
    )
    return Envelope(
        event_id=uuid4(),
        event_type=event.event_type,
        schema_version=1,
        stream_id=f"household:koeln:{household_id}",
        stream_version=1,
        municipality="koeln",
        provider="caritas",
        actor="test",
        correlation_id=uuid4(),
        causation_id=None,
        occurred_at=event.occurred_at,
        recorded_at=event.occurred_at,
        payload=event.payload(),
    )


@pytest.fixture
def nats_server(tmp_path: Path) -> Iterator[NatsServer]:
    """Open, like the benchmarks': these tests drive the kernel's consumer with names and
    subjects of their own, not a service's (the bus's rules: test_bus_access.py)."""
    with NatsServer(tmp_path / "nats", secured=False) as server:
        yield server


@pytest.fixture
async def nc(nats_server: NatsServer) -> AsyncIterator[NatsClient]:
    client = await nats.connect(nats_server.url)
    await ensure_streams(client.jetstream())
    yield client
    await client.drain()


async def test_a_failing_event_is_retried_then_dead_lettered_without_blocking_others(
    nc: NatsClient, tmp_path: Path
) -> None:
    db = Database(f"sqlite+aiosqlite:///{tmp_path}/c.db")
    async with db.engine.begin() as conn:
        await conn.run_sync(BACKBONE.create_all)
    ok1, poison, transient, ok2 = uuid4(), uuid4(), uuid4(), uuid4()
    projection = Flaky(always=poison, twice=transient)
    consumer = EventConsumer(
        name="flaky",
        db=db,
        registry=CONTRACTS,
        projection=projection,
        retry=RetryPolicy(max_deliver=4, delays=(0.2, 0.2, 0.2)),
    )
    await consumer.start(nc)
    js = nc.jetstream()
    for hid in (ok1, poison, transient, ok2):
        e = envelope(hid)
        await js.publish(CONTRACTS.subject(e.event_type), e.model_dump_json().encode())

    async def settled() -> None:
        # Polling: the state to wait for lives in the broker and the projection.
        while (await js.stream_info(DLQ_STREAM)).state.messages < 1 or len(projection.applied) < 3:  # noqa: ASYNC110
            await asyncio.sleep(0.05)

    await asyncio.wait_for(settled(), timeout=20)
    await consumer.stop()

    assert sorted(projection.applied) == sorted([ok1, transient, ok2])
    dead = await js.get_last_msg(DLQ_STREAM, "auszug.dlq.flaky")
    assert dead.headers is not None and dead.headers["Auszug-Reason"] == "handler_failed"
    # Delivered max_deliver times by JetStream, then moved to the dead-letter stream.
    assert dead.headers["Auszug-Delivered"] == "4"
    assert Envelope.model_validate_json(dead.data or b"").payload["household_id"] == str(poison)
    dead_lettered = metrics.EVENTS_DEAD_LETTERED.labels("flaky", "handler_failed")._value.get()
    assert dead_lettered == 1
    await db.dispose()


class Recorder:
    """Every event it was given, by type and household."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, UUID]] = []

    async def apply(self, conn: AsyncConnection, batch: Sequence[RecordedEvent]) -> None:
        self.seen += [(r.envelope.event_type, r.event.household_id) for r in batch]  # type: ignore[attr-defined]


async def test_a_durable_whose_filter_changed_in_the_code_catches_up_what_it_skipped(
    nc: NatsClient, tmp_path: Path
) -> None:
    """A service that starts reacting to a new event type (intake to PlacementRetracted):
    the durable of the old filter is replaced, the events it skipped are applied, and
    what it applied already is not applied again."""
    db = Database(f"sqlite+aiosqlite:///{tmp_path}/w.db")
    async with db.engine.begin() as conn:
        await conn.run_sync(BACKBONE.create_all)
    projection, hid = Recorder(), uuid4()
    registered = CONTRACTS.subject("HouseholdRegistered")
    old = EventConsumer(
        name="widening", db=db, registry=CONTRACTS, projection=projection, filter_subject=registered
    )
    await old.start(nc)
    js = nc.jetstream()
    left = HouseholdDeregistered(
        household_id=hid,
        reason=DeregistrationReason.moved_on_own,
        adults=1,
        minors=0,
        occurred_at=business_time(date(2025, 6, 1)),
    )
    for e in (envelope(hid), envelope(hid, left)):
        await js.publish(CONTRACTS.subject(e.event_type), e.model_dump_json().encode())

    async def seen(count: int) -> None:
        while len(projection.seen) < count:  # noqa: ASYNC110
            await asyncio.sleep(0.05)

    await asyncio.wait_for(seen(1), timeout=20)
    await asyncio.sleep(0.5)  # the deregistration must not come through the old filter
    await old.stop()
    assert projection.seen == [("HouseholdRegistered", hid)]

    new = EventConsumer(
        name="widening",
        db=db,
        registry=CONTRACTS,
        projection=projection,
        filter_subject="auszug.intake.*",
    )
    await new.start(nc)
    await asyncio.wait_for(seen(2), timeout=20)
    await asyncio.wait_for(new.caught_up.wait(), timeout=20)
    await asyncio.sleep(0.5)
    await new.stop()
    assert projection.seen == [("HouseholdRegistered", hid), ("HouseholdDeregistered", hid)]
    assert (await js.consumer_info(EVENTS_STREAM, "widening")).config.filter_subject == (
        "auszug.intake.*"
    )
    await db.dispose()
