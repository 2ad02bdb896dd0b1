"""Builders for intake's use cases: a command executor on a migrated SQLite database (and the
`commands` fixture), callers, a registration, and placement events applied by the
placement policy."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest

from services.intake.application.households import Households
from services.intake.application.placement_policy import PlacementPolicy
from services.intake.domain import household as hh
from services.intake.entrypoints.app import MIGRATIONS
from shared.application import CommandExecutor
from shared.clock import business_time
from shared.contracts.intake import (
    RegisterHousehold,
)
from shared.contracts.placement import LandlordKind, PlacementCompleted
from shared.db import Database
from shared.envelope import Envelope
from shared.eventstore.store import RecordedEvent
from shared.identity import Caller, Role
from shared.migrations import upgrade
from support.commands import executor_on


def caller(
    role: Role = Role.coordinator, provider: str | None = None, city: str = "koeln"
) -> Caller:
    return Caller(
        user_id=f"{role}-1", role=role, municipality=city, provider=provider, correlation_id=uuid4()
    )


COORDINATOR = caller()
CARITAS = caller(Role.caseworker, "caritas")
DRK = caller(Role.caseworker, "drk")


@asynccontextmanager
async def intake_commands(directory: Path) -> AsyncIterator[CommandExecutor]:
    """Intake's command executor on a fresh, migrated SQLite database in `directory`."""
    url = f"sqlite+aiosqlite:///{directory}/intake.db"
    await asyncio.to_thread(upgrade, MIGRATIONS, url)
    db = Database(url)
    try:
        yield executor_on(db)
    finally:
        await db.dispose()


@pytest.fixture
async def commands(tmp_path: Path) -> AsyncIterator[CommandExecutor]:
    async with intake_commands(tmp_path) as executor:
        yield executor


def registration(**extra: Any) -> RegisterHousehold:
    body: dict[str, Any] = {
        "provider": "caritas",
        "registered_on": "2025-03-01",
        "accommodation": {"kind": "shelter", "site": "UK-Herkulesstraße"},
        "members": [
            {
                "role": "head",
                "age_band": "27-64",
                "family_name": "Haddad",
                "birth_date": "1980-02-01",
            },
            {"role": "partner", "age_band": "27-64", "family_name": "Haddad"},
            {"role": "child", "age_band": "6-17", "given_name": "Lina"},
        ],
        **extra,
    }
    return RegisterHousehold.model_validate(body)


async def register(commands: CommandExecutor, who: Caller = COORDINATOR, **extra: Any) -> UUID:
    return (await Households(commands).register(registration(**extra), who)).household_id


MOVED_ON = date(2025, 4, 1)


def placement(household_id: UUID, municipality: str = "koeln") -> RecordedEvent:
    event = PlacementCompleted(
        household_id=household_id,
        offer_id=uuid4(),
        landlord_id=uuid4(),
        landlord_kind=LandlordKind.municipal_housing_company,
        provider="caritas",
        adults=2,
        minors=1,
        refugee_quota=True,
        volunteer_supported=False,
        wbs_required=True,
        household_had_wbs=True,
        moved_on=MOVED_ON,
        occurred_at=business_time(date(2025, 3, 20)),
    )
    envelope = Envelope(
        event_id=uuid4(),
        event_type="PlacementCompleted",
        schema_version=1,
        stream_id=f"offer:{municipality}:{event.offer_id}",
        stream_version=7,
        municipality=municipality,
        provider="caritas",
        actor="koordinatorin",
        correlation_id=uuid4(),
        causation_id=None,
        occurred_at=event.occurred_at,
        recorded_at=datetime.now(UTC),
        payload=event.payload(),
    )
    return RecordedEvent(envelope, event)


async def apply(commands: CommandExecutor, *batch: RecordedEvent) -> None:
    async with commands.db.transaction() as conn:
        await PlacementPolicy(commands.store).apply(conn, batch)


async def history(commands: CommandExecutor, household_id: UUID) -> list[RecordedEvent]:
    async with commands.db.transaction() as conn:
        return await commands.store.load(conn, hh.stream_id("koeln", household_id))
