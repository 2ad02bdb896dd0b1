"""Builders for volunteer: a volunteer's and a tandem's history for the deciders, the use
cases' command executor (and the `commands` fixture), callers, a ready volunteer."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest
from sqlalchemy import select

from services.volunteer.application.household_projection import HouseholdProjection
from services.volunteer.application.tandems import Tandems
from services.volunteer.application.volunteers import Volunteers
from services.volunteer.domain.tandem_commands import (
    KnownConsent,
    Placement,
)
from services.volunteer.domain.volunteer import (
    RecordOnboardingStep,
)
from services.volunteer.entrypoints.app import MIGRATIONS
from shared.application import CommandExecutor
from shared.clock import business_time
from shared.contracts import volunteer as c
from shared.contracts.intake import (
    AccommodationKind,
    ConsentPurpose,
    HouseholdConsentGiven,
    HouseholdRegistered,
)
from shared.contracts.volunteer import (
    OnboardingStep,
    PlacementSupportConfirmed,
    TandemEnded,
    TandemEndReason,
    TandemFormed,
    VolunteerOnboarded,
    VolunteerRegistered,
)
from shared.db import Database
from shared.envelope import DomainEvent, Envelope
from shared.eventstore.schema import events
from shared.eventstore.store import RecordedEvent
from shared.identity import Caller, Role
from shared.migrations import upgrade
from support.commands import executor_on

VID = UUID("00000000-0000-4000-8000-0000000000b1")
TODAY = date(2019, 10, 15)
REGISTERED = VolunteerRegistered(
    volunteer_id=VID,
    provider="caritas",
    district="ehrenfeld",
    languages=("de", "ar"),
    occurred_at=business_time(date(2019, 9, 2)),
)


def onboarded(step: OnboardingStep, day: date = date(2019, 9, 10)) -> VolunteerOnboarded:
    return VolunteerOnboarded(volunteer_id=VID, step=step, occurred_at=business_time(day))


def step(step: OnboardingStep, day: date = date(2019, 9, 10)) -> RecordOnboardingStep:
    return RecordOnboardingStep(step=step, done_on=day, today=TODAY)


HID = UUID("00000000-0000-4000-8000-0000000000c1")
TID = UUID("00000000-0000-4000-8000-0000000000d1")
TID2 = UUID("00000000-0000-4000-8000-0000000000d2")
PLACEMENT_EVENT = UUID("00000000-0000-4000-8000-0000000000e1")
OFFER = UUID("00000000-0000-4000-8000-0000000000f1")
FORMED_ON = date(2019, 9, 15)
CONSENT = KnownConsent(UUID("00000000-0000-4000-8000-0000000000a1"), date(2019, 3, 1))


def formed(tandem_id: UUID = TID, day: date = FORMED_ON) -> TandemFormed:
    return TandemFormed(
        tandem_id=tandem_id,
        volunteer_id=VID,
        household_id=HID,
        provider="caritas",
        consent_id=CONSENT.consent_id,
        consent_given_on=CONSENT.given_on,
        occurred_at=business_time(day),
    )


def ended(day: date, tandem_id: UUID = TID) -> TandemEnded:
    return TandemEnded(
        tandem_id=tandem_id,
        volunteer_id=VID,
        household_id=HID,
        reason=TandemEndReason.flat_found,
        occurred_at=business_time(day),
    )


def placement(lease: date, event_id: UUID = PLACEMENT_EVENT) -> Placement:
    return Placement(event_id, OFFER, "caritas", adults=2, minors=3, lease_signed_on=lease)


def confirmed(lease: date, tandem_id: UUID = TID) -> PlacementSupportConfirmed:
    return PlacementSupportConfirmed(
        household_id=HID,
        tandem_id=tandem_id,
        volunteer_id=VID,
        placement_event_id=PLACEMENT_EVENT,
        offer_id=OFFER,
        provider="caritas",
        adults=2,
        minors=3,
        lease_signed_on=lease,
        occurred_at=business_time(lease),
    )


def caller(
    role: Role = Role.coordinator, provider: str | None = None, user: str | None = None
) -> Caller:
    return Caller(
        user_id=user or f"{role}-1",
        role=role,
        municipality="koeln",
        provider=provider,
        correlation_id=uuid4(),
    )


COORDINATOR = caller()
CARITAS = caller(Role.caseworker, "caritas")
DRK = caller(Role.caseworker, "drk")
MARIA = caller(Role.volunteer, user="maria.s")


@asynccontextmanager
async def volunteer_commands(directory: Path) -> AsyncIterator[CommandExecutor]:
    """Volunteer's command executor on a fresh, migrated SQLite database in `directory`."""
    url = f"sqlite+aiosqlite:///{directory}/volunteer.db"
    await asyncio.to_thread(upgrade, MIGRATIONS, url)
    db = Database(url)
    try:
        yield executor_on(db)
    finally:
        await db.dispose()


@pytest.fixture
async def commands(tmp_path: Path) -> AsyncIterator[CommandExecutor]:
    async with volunteer_commands(tmp_path) as executor:
        yield executor


def recorded(event: DomainEvent, stream_id: str, municipality: str = "koeln") -> RecordedEvent:
    envelope = Envelope(
        event_id=uuid4(),
        event_type=event.event_type,
        schema_version=event.schema_version,
        stream_id=stream_id,
        stream_version=1,
        municipality=municipality,
        provider=None,
        actor="test",
        correlation_id=uuid4(),
        causation_id=None,
        occurred_at=event.occurred_at,
        recorded_at=datetime.now(UTC),
        payload=event.payload(),
    )
    return RecordedEvent(envelope, event)


async def intake_registers(
    commands: CommandExecutor,
    provider: str = "caritas",
    adults: int = 2,
    minors: int = 3,
    tandem_consent: bool = True,
) -> UUID:
    """Intake's `HouseholdRegistered` as volunteer's consumer applies it, and (unless told
    otherwise) the household's consent to a volunteer tandem that forming one needs."""
    household_id = uuid4()
    event = HouseholdRegistered(
        household_id=household_id,
        provider=provider,
        adults=adults,
        minors=minors,
        accommodation_kind=AccommodationKind.shelter,
        occurred_at=business_time(date(2025, 1, 10)),
    )
    stream = f"household:koeln:{household_id}"
    batch = [recorded(event, stream)]
    if tandem_consent:
        consent = HouseholdConsentGiven(
            household_id=household_id,
            consent_id=uuid4(),
            purpose_code=ConsentPurpose.volunteer_tandem,
            given_on=date(2025, 1, 10),
            occurred_at=business_time(date(2025, 1, 10)),
        )
        batch.append(recorded(consent, stream))
    async with commands.db.transaction() as conn:
        await HouseholdProjection(commands.store).apply(conn, batch)
    return household_id


async def ready_volunteer(
    commands: CommandExecutor, user: str = "maria.s", provider: str = "caritas"
) -> UUID:
    volunteers = Volunteers(commands)
    ref = await volunteers.register(registration(user_id=user, provider=provider), COORDINATOR)
    step = c.RecordOnboardingStep(step=c.OnboardingStep.agreement_signed, done_on=date(2025, 2, 1))
    await volunteers.onboard(ref.volunteer_id, step, COORDINATOR)
    return ref.volunteer_id


def registration(**extra: Any) -> c.RegisterVolunteer:
    body: dict[str, Any] = {
        "provider": "caritas",
        "user_id": "maria.s",
        "registered_on": "2025-02-01",
        "given_name": "Maria",
        "family_name": "Schmitz",
        "phone": "0221 555",
        "email": "maria@example.org",
        "district": "ehrenfeld",
        "languages": ["de", "fa"],
    }
    return c.RegisterVolunteer.model_validate({**body, **extra})


async def form(
    commands: CommandExecutor, volunteer_id: UUID, household_id: UUID, who: Caller = COORDINATOR
) -> UUID:
    body = c.FormTandem(
        volunteer_id=volunteer_id, household_id=household_id, formed_on="2025-03-01"
    )
    return (await Tandems(commands).form(body, who)).tandem_id


async def all_payloads(commands: CommandExecutor) -> str:
    async with commands.db.transaction() as conn:
        rows = await conn.execute(select(events.c.payload))
        return " ".join(str(p) for p in rows.scalars())
