"""Builders for reporting: the `world` fixture (reporting's read model on a migrated SQLite
copy, events recorded as the consumers see them), days and instants, placements,
guarantees and retractions."""

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
from shared.contracts import placement as pl
from shared.contracts.reporting import (
    Figures,
    FiguresQuery,
    Stock,
    StockQuery,
)
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


GAG = pl.LandlordKind.municipal_housing_company


def place(
    w: World,
    on: str,
    provider: str = "caritas",
    adults: int = 2,
    minors: int = 1,
    kind: pl.LandlordKind = GAG,
    quota: bool = False,
    volunteer: bool = False,
    wbs: bool = True,
    recorded: str | None = None,
    household_id: UUID | None = None,
) -> UUID:
    household_id = household_id or uuid4()
    event = pl.PlacementCompleted(
        household_id=household_id,
        offer_id=uuid4(),
        landlord_id=uuid4(),
        landlord_kind=kind,
        provider=provider,
        adults=adults,
        minors=minors,
        refugee_quota=quota,
        volunteer_supported=volunteer,
        wbs_required=False,
        household_had_wbs=wbs,
        moved_on=day(on),
        occurred_at=at(on),
    )
    w.record(event, f"offer:{event.offer_id}", recorded=recorded)
    return household_id


def guarantee(
    w: World, requested: str, decided: str, authority: str, decision: str = "approved"
) -> None:
    ids = {"offer_id": uuid4(), "guarantee_id": uuid4(), "household_id": uuid4()}
    common = {**ids, "provider": "drk", "kind": pl.GuaranteeKind.deposit}
    authority_code = pl.GuaranteeAuthority(authority)
    stream = f"offer:{ids['offer_id']}"
    w.record(
        pl.GuaranteeRequested(**common, requested_from=authority_code, occurred_at=at(requested)),
        stream,
        provider="drk",
    )
    w.record(
        pl.GuaranteeDecided(
            **common,
            requested_from=authority_code,
            requested_on=day(requested),
            decision=pl.GuaranteeDecision(decision),
            occurred_at=at(decided),
        ),
        stream,
        provider="drk",
    )


def place_offer(
    w: World, on: str, household_id: UUID, offer_id: UUID, recorded: str | None = None
) -> None:
    w.record(
        pl.PlacementCompleted(
            household_id=household_id,
            offer_id=offer_id,
            landlord_id=uuid4(),
            landlord_kind=GAG,
            provider="caritas",
            adults=2,
            minors=2,
            refugee_quota=True,
            volunteer_supported=False,
            wbs_required=False,
            household_had_wbs=True,
            moved_on=day(on),
            occurred_at=at(on),
        ),
        f"offer:{offer_id}",
        recorded=recorded,
        provider="caritas",
    )


def retract(w: World, lease: str, on: str, household_id: UUID, offer_id: UUID) -> None:
    w.record(
        pl.PlacementRetracted(
            household_id=household_id,
            offer_id=offer_id,
            landlord_kind=GAG,
            provider="caritas",
            adults=2,
            minors=2,
            refugee_quota=True,
            volunteer_supported=False,
            household_had_wbs=True,
            lease_signed_on=day(lease),
            reason=pl.RetractionReason.entered_by_mistake,
            occurred_at=at(on),
        ),
        f"offer:{offer_id}",
        provider="caritas",
    )
