"""Who may do what in intake, checked through the use cases against a real SQLite database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from uuid import uuid4

import pytest

from services.intake.application.consents import Consents
from services.intake.application.household_changes import HouseholdChanges
from services.intake.application.households import Households
from shared.application import CommandExecutor
from shared.contracts.intake import (
    AssessHousingReadiness,
    ConsentPurpose,
    DeregisterHousehold,
    GetHousehold,
    HandOverHousehold,
    RecordConsent,
)
from shared.decider import DomainError, Forbidden, NotFound
from shared.identity import Role
from support.builders.intake import CARITAS, COORDINATOR, DRK, caller, intake_commands, register


@pytest.fixture
async def commands(tmp_path: Path) -> AsyncIterator[CommandExecutor]:
    async with intake_commands(tmp_path) as executor:
        yield executor


async def test_only_coordinators_and_caseworkers_register(commands: CommandExecutor) -> None:
    for role in (Role.analyst, Role.volunteer, Role.housing_office, Role.admin):
        with pytest.raises(Forbidden):
            await register(commands, caller(role))
    with pytest.raises(Forbidden) as refused:
        await register(commands, DRK)
    assert refused.value.code == "other_provider"
    assert await register(commands, CARITAS)


async def test_a_caseworker_of_another_provider_finds_nothing(commands: CommandExecutor) -> None:
    household_id = await register(commands)
    households, changes = Households(commands), HouseholdChanges(commands)
    assert (
        await households.get(GetHousehold(household_id=household_id), CARITAS)
    ).provider == "caritas"
    with pytest.raises(NotFound):
        await households.get(GetHousehold(household_id=household_id), DRK)
    # A command answers exactly like a household that does not exist: no existence leak.
    deregister = DeregisterHousehold(
        household_id=household_id, reason="other", deregistered_on=date(2025, 3, 2)
    )
    with pytest.raises(NotFound):
        await changes.deregister(deregister, DRK)
    with pytest.raises(NotFound):
        await changes.deregister(deregister.model_copy(update={"household_id": uuid4()}), CARITAS)
    with pytest.raises(NotFound):
        await households.get(
            GetHousehold(household_id=household_id), caller(city="bergisch-gladbach")
        )


async def test_roles_without_intake_rights_get_403(commands: CommandExecutor) -> None:
    household_id = await register(commands)
    with pytest.raises(Forbidden):
        await Households(commands).get(
            GetHousehold(household_id=household_id), caller(Role.analyst)
        )
    assess = AssessHousingReadiness.model_validate(
        {
            "household_id": str(household_id),
            "assessed_on": "2025-03-02",
            "criteria": dict.fromkeys(
                [
                    "rent_payment",
                    "tenancy_knowledge",
                    "neighbourhood",
                    "household_management",
                    "language_for_contracts",
                ],
                "met",
            ),
            "result": "ready",
        }
    )
    for role in (Role.housing_office, Role.analyst, Role.volunteer):
        with pytest.raises(Forbidden):
            await HouseholdChanges(commands).assess_readiness(assess, caller(role))
    hand_over = HandOverHousehold(
        household_id=household_id, to_provider="drk", handed_over_on=date(2025, 3, 2)
    )
    with pytest.raises(Forbidden) as refused:
        await HouseholdChanges(commands).hand_over(hand_over, CARITAS)
    assert refused.value.code == "coordinator_only"
    consent = RecordConsent(
        household_id=household_id,
        purpose=ConsentPurpose.provider_handover,
        given_on=date(2025, 3, 2),
        given_by="Haushaltsvorstand",
    )
    await Consents(commands).record(consent, CARITAS)
    await HouseholdChanges(commands).hand_over(hand_over, COORDINATOR)
    # Handed over: now the other provider's caseworker sees it, and the first one no longer.
    assert await Households(commands).get(GetHousehold(household_id=household_id), DRK)
    with pytest.raises(NotFound):
        await Households(commands).get(GetHousehold(household_id=household_id), CARITAS)


async def test_a_provider_the_municipality_does_not_know_is_refused(
    commands: CommandExecutor,
) -> None:
    """A typo must not become a provider nobody sees (shared/contracts/places.py)."""
    with pytest.raises(DomainError) as refused:
        await register(commands, COORDINATOR, provider="karitas")
    assert refused.value.code == "unknown_provider"
    assert "Caritas Köln" in refused.value.message
    household_id = await register(commands, COORDINATOR)
    hand_over = HandOverHousehold(
        household_id=household_id, to_provider="karitas", handed_over_on=date(2025, 3, 2)
    )
    with pytest.raises(DomainError) as handed:
        await HouseholdChanges(commands).hand_over(hand_over, COORDINATOR)
    assert handed.value.code == "unknown_provider"
