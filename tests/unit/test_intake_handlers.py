"""Intake's household use cases against a real SQLite database migrated by Alembic (no
NATS): the detail view, composition by member, readiness history and deregistration.

The other `test_intake_*` use-case tests take their database from `intake_commands`."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest

from services.intake.application.household_changes import HouseholdChanges
from services.intake.application.households import Households
from services.intake.entrypoints.app import MIGRATIONS
from shared.application import CommandExecutor
from shared.contracts.intake import (
    AssessHousingReadiness,
    ChangeComposition,
    DeregisterHousehold,
    GetHousehold,
    HouseholdStatus,
    RegisterHousehold,
)
from shared.db import Database
from shared.decider import RuleViolation
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


# ---------------------------------------------------------------- registration and view


async def test_the_view_shows_personal_data_consent_and_the_facts(
    commands: CommandExecutor,
) -> None:
    household_id = await register(
        commands,
        wbs=True,
        wbs_valid_until="2026-01-31",
        languages=["ar", "en"],
        residence_outlook="good",
        consent={
            "purpose": "Vermittlung in Wohnraum",
            "given_on": "2025-03-01",
            "given_by": "Herr Haddad",
        },
        contact={"phone": "+49 221 123456"},
    )
    view = await Households(commands).get(GetHousehold(household_id=household_id), COORDINATOR)
    assert (view.adults, view.minors, view.status) == (2, 1, HouseholdStatus.active)
    assert view.accommodation.site == "UK-Herkulesstraße"
    assert view.consent is not None and view.consent.given_by == "Herr Haddad"
    assert (view.wbs, view.wbs_valid_until, view.languages) == (
        True,
        date(2026, 1, 31),
        ["ar", "en"],
    )
    assert [m.minor for m in view.members] == [False, False, True]


# ---------------------------------------------------------------- composition


async def test_the_head_moves_away_and_the_named_member_heads_the_household(
    commands: CommandExecutor,
) -> None:
    household_id = await register(commands)
    households, changes = Households(commands), HouseholdChanges(commands)
    head, partner, child = (
        await households.get(GetHousehold(household_id=household_id), CARITAS)
    ).members
    moved = {"household_id": household_id, "change": "moved_away", "changed_on": "2025-03-05"}
    with pytest.raises(RuleViolation) as refused:
        await changes.change_composition(
            ChangeComposition.model_validate({**moved, "leaving": [head.member_id]}), CARITAS
        )
    assert refused.value.code == "head_leaves"
    with pytest.raises(RuleViolation) as refused:
        await changes.change_composition(
            ChangeComposition.model_validate(
                {**moved, "leaving": [head.member_id], "new_head": str(uuid4())}
            ),
            CARITAS,
        )
    assert refused.value.code == "new_head_not_member"
    with pytest.raises(RuleViolation) as refused:
        await changes.change_composition(
            ChangeComposition.model_validate({**moved, "leaving": [str(uuid4())]}), CARITAS
        )
    assert refused.value.code == "unknown_member"

    await changes.change_composition(
        ChangeComposition.model_validate(
            {**moved, "leaving": [head.member_id], "new_head": partner.member_id}
        ),
        CARITAS,
    )
    view = await households.get(GetHousehold(household_id=household_id), CARITAS)
    assert (view.adults, view.minors) == (1, 1)
    assert [(m.member_id, m.role) for m in view.members] == [
        (partner.member_id, "head"),
        (child.member_id, "child"),
    ]
    assert [(m.member_id, m.left_on) for m in view.former_members] == [
        (head.member_id, date(2025, 3, 5))
    ]
    # Someone who left cannot leave again.
    with pytest.raises(RuleViolation) as refused:
        await changes.change_composition(
            ChangeComposition.model_validate({**moved, "leaving": [head.member_id]}), CARITAS
        )
    assert refused.value.code == "unknown_member"


async def test_a_birth_adds_the_child_with_its_personal_data(commands: CommandExecutor) -> None:
    household_id = await register(commands)
    birth = ChangeComposition.model_validate(
        {
            "household_id": household_id,
            "change": "birth",
            "changed_on": "2025-03-04",
            "joining": [
                {
                    "role": "child",
                    "age_band": "0-5",
                    "given_name": "Noor",
                    "birth_date": "2025-03-04",
                }
            ],
        }
    )
    await HouseholdChanges(commands).change_composition(birth, COORDINATOR)
    view = await Households(commands).get(GetHousehold(household_id=household_id), COORDINATOR)
    assert (view.persons, view.members[-1].given_name, view.version) == (4, "Noor", 2)


# ---------------------------------------------------------------- readiness and deregistration


async def test_readiness_history_with_notes_and_no_assessment_after_deregistration(
    commands: CommandExecutor,
) -> None:
    household_id = await register(commands)
    changes = HouseholdChanges(commands)
    criteria = {
        "rent_payment": "partly",
        "tenancy_knowledge": "met",
        "neighbourhood": "met",
        "household_management": "met",
        "language_for_contracts": "not_met",
    }
    assess = AssessHousingReadiness.model_validate(
        {
            "household_id": household_id,
            "assessed_on": "2025-03-03",
            "criteria": criteria,
            "result": "ready_with_support",
            "note": "Sprachmittlung beim Mietvertrag nötig",
        }
    )
    await changes.assess_readiness(assess, CARITAS)
    await changes.deregister(
        DeregisterHousehold(
            household_id=household_id,
            reason="moved_on_own",
            deregistered_on=date(2025, 3, 4),
            note="privat gefunden",
        ),
        CARITAS,
    )
    with pytest.raises(RuleViolation) as refused:
        await changes.assess_readiness(assess, CARITAS)
    assert refused.value.code == "deregistered"
    view = await Households(commands).get(GetHousehold(household_id=household_id), CARITAS)
    assert view.current_readiness == "ready_with_support"
    assert view.readiness[0].note == "Sprachmittlung beim Mietvertrag nötig"
    assert view.status is HouseholdStatus.deregistered
    assert view.deregistration is not None and view.deregistration.note == "privat gefunden"
