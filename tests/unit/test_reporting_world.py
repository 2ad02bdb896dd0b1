"""A reporting read model on a real SQLite database (no NATS): events are handed to the
service's projections exactly as the consumers hand them, with chosen business days and
recording days, so every rule of counting can be checked fast.

`World` is what the other `test_reporting_*` tests build their histories with."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

from services.reporting.application import figures as uc
from services.reporting.application.projection import FiguresProjection
from services.reporting.application.projections import FactsProjection
from services.reporting.entrypoints.app import MIGRATIONS
from shared.clock import BUSINESS_TZ, business_time
from shared.contracts import intake as i
from shared.contracts.reporting import Figures, FiguresQuery, Stock, StockQuery
from shared.db import Database
from shared.envelope import DomainEvent, Envelope
from shared.eventstore.store import RecordedEvent
from shared.identity import Caller, Role
from shared.migrations import upgrade


def caller(
    role: Role = Role.coordinator, provider: str | None = None, city: str = "koeln"
) -> Caller:
    return Caller(
        user_id=f"{role}-1", role=role, municipality=city, provider=provider, correlation_id=uuid4()
    )


COORDINATOR = caller()


def day(text: str) -> date:
    return date.fromisoformat(text)


def at(text: str) -> datetime:
    """Business time of a day (midnight in Europe/Berlin)."""
    return business_time(day(text))


@dataclass
class World:
    db: Database
    versions: dict[str, int] = field(default_factory=dict)
    log: list[RecordedEvent] = field(default_factory=list)

    def record(
        self,
        event: DomainEvent,
        stream: str,
        *,
        recorded: str | None = None,
        provider: str | None = None,
        city: str = "koeln",
    ) -> RecordedEvent:
        """`event` as stored: recorded at noon of `recorded` (default: its business day)."""
        version = self.versions.get(stream, 0) + 1
        self.versions[stream] = version
        learned = day(recorded) if recorded else event.occurred_at.astimezone(BUSINESS_TZ).date()
        envelope = Envelope(
            event_id=uuid4(),
            event_type=event.event_type,
            schema_version=event.schema_version,
            stream_id=f"{stream}:{city}",
            stream_version=version,
            municipality=city,
            provider=provider,
            actor="test",
            correlation_id=uuid4(),
            causation_id=None,
            occurred_at=event.occurred_at,
            recorded_at=datetime.combine(learned, time(12), tzinfo=BUSINESS_TZ),
            payload=event.payload(),
        )
        recorded_event = RecordedEvent(envelope, event)
        self.log.append(recorded_event)
        return recorded_event

    async def apply(self, *batch: RecordedEvent) -> None:
        """Hand `batch` (default: everything recorded so far and not yet applied) to both
        projections in one transaction, as the consumers do."""
        events: Sequence[RecordedEvent] = batch or self.log
        async with self.db.transaction() as conn:
            await FiguresProjection().apply(conn, events)
            await FactsProjection().apply(conn, events)
        if not batch:
            self.log = []

    async def figures(
        self,
        first: str = "2025-01-01",
        last: str = "2025-12-31",
        who: Caller = COORDINATOR,
        **options: Any,
    ) -> Figures:
        query = FiguresQuery(period_from=day(first), period_to=day(last), **options)
        return await uc.figures(self.db, query, who)

    async def values(
        self, first: str = "2025-01-01", last: str = "2025-12-31", **options: Any
    ) -> dict[str, Any]:
        figures = await self.figures(first, last, **options)
        return {f.key: f.value for f in figures.every_figure()}

    async def stock(self, on: str, who: Caller = COORDINATOR, **options: Any) -> Stock:
        return await uc.stock(self.db, StockQuery(on=day(on), **options), who)

    # ------------------------------------------------------------ intake histories

    def register(
        self,
        on: str,
        provider: str = "caritas",
        adults: int = 1,
        minors: int = 0,
        kind: str = "shelter",
        household_id: UUID | None = None,
        **options: Any,
    ) -> UUID:
        household_id = household_id or uuid4()
        event = i.HouseholdRegistered(
            household_id=household_id,
            provider=provider,
            adults=adults,
            minors=minors,
            accommodation_kind=i.AccommodationKind(kind),
            occurred_at=at(on),
        )
        self.record(event, f"household:{household_id}", provider=provider, **options)
        return household_id


_template: list[Path] = []


def _migrated_copy(target: Path) -> Path:
    """A migrated database file; migrating once per test session saves a second per test."""
    if not _template:
        template = Path(tempfile.mkdtemp(prefix="reporting-template-")) / "reporting.db"
        upgrade(MIGRATIONS, f"sqlite:///{template}")
        _template.append(template)
    shutil.copyfile(_template[0], target)
    return target


@asynccontextmanager
async def world(tmp_path: Path) -> AsyncIterator[World]:
    db = Database(f"sqlite:///{_migrated_copy(tmp_path / 'reporting.db')}")
    try:
        yield World(db)
    finally:
        await db.dispose()


async def test_a_registration_is_counted_on_its_business_day(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        w.register("2025-12-31", adults=2, minors=1, recorded="2026-01-07")
        await w.apply()
        assert (await w.values())["persons_registered"] == 3
        assert (await w.values("2026-01-01", "2026-12-31"))["households_registered"] == 0
        # As known on the day before it was entered: not there yet.
        assert (await w.values(as_known_on=day("2026-01-06")))["households_registered"] == 0
        assert (await w.values(as_known_on=day("2026-01-07")))["households_registered"] == 1
