"""What every stage shares: sizes, the events, databases, the result record."""

from __future__ import annotations

import asyncio
import contextlib
import statistics
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar
from uuid import UUID, uuid4

import uvloop
from nats.js import JetStreamContext
from nats.js.errors import NotFoundError
from sqlalchemy import create_engine, text

from shared.clock import business_time, utcnow
from shared.contracts.intake import AccommodationKind, HouseholdRegistered
from shared.envelope import CommandContext, Envelope
from shared.messaging import EVENTS_STREAM
from shared.migrations import upgrade

ROOT = Path(__file__).resolve().parents[1]
INTAKE_MIGRATIONS = ROOT / "services" / "intake" / "adapters" / "migrations"
REPORTING_MIGRATIONS = ROOT / "services" / "reporting" / "adapters" / "migrations"
RESULTS = ROOT / "bench" / "results"

EVENTS = 20_000
MUNICIPALITY = "koeln"
REGISTERED_ON = date(2025, 6, 1)
SUBJECT = "auszug.intake.HouseholdRegistered"

T = TypeVar("T")


@dataclass
class Figure:
    """One row of the result table."""

    key: str
    name: str
    value: float
    unit: str
    baseline_key: str | None = None
    baseline: float | None = None
    aim: float | None = None  # as a ratio to the baseline, or absolute when no baseline
    runs: list[float] = field(default_factory=list)
    notes: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or not self.baseline:
            return None
        return self.value / self.baseline

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = self.ratio
        return data


def run_loop(main: Coroutine[Any, Any, T]) -> T:
    """Run `main` on uvloop, the loop the services get from `uvicorn[standard]`."""
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(main)


def median(values: list[float]) -> float:
    return statistics.median(values)


def household_event(index: int) -> HouseholdRegistered:
    """A registration as intake's decider produces it (mixed household sizes)."""
    return HouseholdRegistered(
        household_id=uuid4(),
        provider=("caritas", "drk", "skm", "fluechtlingsrat")[index % 4],
        adults=1 + index % 2,
        minors=index % 4,
        accommodation_kind=AccommodationKind.shelter,
        occurred_at=business_time(REGISTERED_ON),
    )


def household_events(count: int) -> list[HouseholdRegistered]:
    return [household_event(i) for i in range(count)]


def stream_id(event: HouseholdRegistered) -> str:
    return f"household:{MUNICIPALITY}:{event.household_id}"


def command_context() -> CommandContext:
    return CommandContext(actor="bench", municipality=MUNICIPALITY, correlation_id=uuid4())


def envelope_for(event: HouseholdRegistered) -> Envelope:
    """The envelope `EventStore.append` would write for `event` as version 1 of its stream."""
    context = command_context()
    return Envelope(
        event_id=uuid4(),
        event_type=event.event_type,
        schema_version=event.schema_version,
        stream_id=stream_id(event),
        stream_version=1,
        municipality=context.municipality,
        provider=event.provider,
        actor=context.actor,
        correlation_id=context.correlation_id,
        causation_id=None,
        occurred_at=event.occurred_at,
        recorded_at=utcnow(),
        payload=event.payload(),
    )


def envelope_bodies(count: int) -> list[tuple[UUID, bytes]]:
    """(event id, JSON body) pairs exactly as the relay publishes them."""
    bodies = []
    for i in range(count):
        envelope = envelope_for(household_event(i))
        bodies.append((envelope.event_id, envelope.model_dump_json().encode()))
    return bodies


def sqlite_url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


def migrate(script_location: Path, path: Path) -> str:
    """A new SQLite file at `path` with the service's schema; its async URL."""
    path.parent.mkdir(parents=True, exist_ok=True)
    url = sqlite_url(path)
    upgrade(script_location, url)
    return url


def count_rows(path: Path, table: str) -> int:
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
    finally:
        engine.dispose()


async def purge_events(js: JetStreamContext) -> None:
    """An empty events stream and no consumers on it, for the next stage."""
    consumers = await js.consumers_info(EVENTS_STREAM)
    for info in consumers:
        with contextlib.suppress(NotFoundError):
            await js.delete_consumer(EVENTS_STREAM, info.name)
    await js.purge_stream(EVENTS_STREAM)


async def stream_messages(js: JetStreamContext) -> int:
    return int((await js.stream_info(EVENTS_STREAM)).state.messages)


async def wait_until(
    predicate: Callable[[], Awaitable[bool]], *, within: float, interval: float = 0.01
) -> float:
    """Poll until `predicate` holds; returns the wall-clock time it first did."""
    deadline = time.monotonic() + within
    while True:
        if await predicate():
            return time.time()
        if time.monotonic() > deadline:
            raise TimeoutError(f"condition not met within {within:.0f}s")
        await asyncio.sleep(interval)


def chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
