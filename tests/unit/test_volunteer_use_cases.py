"""Volunteers as use cases against a real SQLite database migrated by Alembic (no NATS):
who may register and see them, where their personal data goes, when they may leave.

The other `test_volunteer_*` use-case tests take their database from `volunteer_commands`.
"""

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
from shared.db import Database
from shared.decider import Forbidden, NotFound, RuleViolation
from shared.envelope import DomainEvent, Envelope
from shared.eventstore.schema import events
from shared.eventstore.store import RecordedEvent
from shared.identity import Caller, Role
from shared.migrations import upgrade
from support.commands import executor_on


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


# ---------------------------------------------------------------- volunteers


async def test_a_volunteer_is_registered_with_personal_data_in_tables_only(
    commands: CommandExecutor,
) -> None:
    volunteer_id = await ready_volunteer(commands)
    shown = await Volunteers(commands).get(volunteer_id, CARITAS)
    assert (shown.given_name, shown.user_id, shown.district, shown.ready_for_tandem) == (
        "Maria",
        "maria.s",
        "ehrenfeld",
        True,
    )
    wire = await all_payloads(commands)
    assert not [p for p in ("Maria", "Schmitz", "0221 555", "example.org", "maria.s") if p in wire]


async def test_a_login_belongs_to_one_volunteer(commands: CommandExecutor) -> None:
    await ready_volunteer(commands)
    with pytest.raises(RuleViolation) as refused:
        await Volunteers(commands).register(registration(given_name="Other"), COORDINATOR)
    assert refused.value.code == "user_taken"
    # The refused registration left no event behind.
    assert (await all_payloads(commands)).count("volunteer_id") == 2


async def test_who_may_register_and_see_volunteers(commands: CommandExecutor) -> None:
    volunteers = Volunteers(commands)
    with pytest.raises(Forbidden):
        await volunteers.register(registration(), DRK)
    for role in (Role.analyst, Role.housing_office, Role.volunteer, Role.admin):
        with pytest.raises(Forbidden):
            await volunteers.register(registration(), caller(role))
    volunteer_id = (await volunteers.register(registration(), CARITAS)).volunteer_id
    with pytest.raises(NotFound):
        await volunteers.get(volunteer_id, DRK)
    assert (await volunteers.listing(c.ListVolunteers(), DRK)).volunteers == []
    listed = await volunteers.listing(c.ListVolunteers(), COORDINATOR)
    assert [v.family_name for v in listed.volunteers] == ["Schmitz"]
    with pytest.raises(Forbidden):
        await volunteers.get(volunteer_id, MARIA)


async def test_a_volunteer_with_an_active_tandem_cannot_leave(commands: CommandExecutor) -> None:
    volunteer_id = await ready_volunteer(commands)
    tandem_id = await form(commands, volunteer_id, await intake_registers(commands))
    volunteers = Volunteers(commands)
    with pytest.raises(RuleViolation) as refused:
        await volunteers.leave(volunteer_id, c.RecordLeaving(left_on="2025-04-01"), COORDINATOR)
    assert refused.value.code == "tandems_active"
    end = c.EndTandem(ended_on="2025-04-01", reason=c.TandemEndReason.by_agreement)
    await Tandems(commands).end(tandem_id, end, COORDINATOR)
    await volunteers.leave(volunteer_id, c.RecordLeaving(left_on="2025-04-01"), COORDINATOR)
    assert (await volunteers.listing(c.ListVolunteers(), COORDINATOR)).volunteers == []
