"""Builders for a household's restriction as the other services see it: the recorded
intake events (registered, restricted, lifted) and a migrated database."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from uuid import UUID, uuid4

from shared.application import CommandExecutor
from shared.clock import business_time
from shared.contracts.intake import (
    AccommodationKind,
    HouseholdRegistered,
    ProcessingRestricted,
    RestrictionLifted,
    RestrictionReason,
)
from shared.db import Database
from shared.envelope import DomainEvent, Envelope
from shared.eventstore.store import RecordedEvent
from shared.identity import Caller, Role
from shared.migrations import upgrade
from support.commands import executor_on

DAY = date(2025, 3, 1)


def caller(role: Role = Role.coordinator, provider: str | None = None) -> Caller:
    return Caller(
        user_id=f"{role}-1",
        role=role,
        municipality="koeln",
        provider=provider,
        correlation_id=uuid4(),
    )


COORDINATOR = caller()
CARITAS = caller(Role.caseworker, "caritas")


def recorded(event: DomainEvent, municipality: str = "koeln") -> RecordedEvent:
    """`event` of a household's intake stream, as a consumer receives it."""
    household_id = getattr(event, "household_id", uuid4())
    envelope = Envelope(
        event_id=uuid4(),
        event_type=event.event_type,
        schema_version=event.schema_version,
        stream_id=f"household:{municipality}:{household_id}",
        stream_version=1,
        municipality=municipality,
        provider=getattr(event, "provider", None),
        actor="test",
        correlation_id=uuid4(),
        causation_id=None,
        occurred_at=event.occurred_at,
        recorded_at=datetime.now(UTC),
        payload=event.payload(),
    )
    return RecordedEvent(envelope, event)


def registered(household_id: UUID, provider: str = "caritas") -> HouseholdRegistered:
    return HouseholdRegistered(
        household_id=household_id,
        provider=provider,
        adults=1,
        minors=1,
        accommodation_kind=AccommodationKind.shelter,
        occurred_at=business_time(DAY),
    )


def restricted(household_id: UUID, on: date = date(2025, 4, 1)) -> ProcessingRestricted:
    return ProcessingRestricted(
        household_id=household_id,
        reason=RestrictionReason.retention_duty,
        occurred_at=business_time(on),
    )


def lifted(household_id: UUID, on: date = date(2025, 5, 1)) -> RestrictionLifted:
    return RestrictionLifted(household_id=household_id, occurred_at=business_time(on))


@asynccontextmanager
async def migrated(migrations: Path, directory: Path) -> AsyncIterator[CommandExecutor]:
    """A command executor on a fresh SQLite database migrated with `migrations`."""
    url = f"sqlite+aiosqlite:///{directory}/service.db"
    await asyncio.to_thread(upgrade, migrations, url)
    db = Database(url)
    try:
        yield executor_on(db)
    finally:
        await db.dispose()
