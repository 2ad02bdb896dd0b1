"""Intake's erasure, restriction and export use cases against a real SQLite database."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from uuid import UUID

import pytest

from services.intake.application.duplicates import DuplicateDecisions
from services.intake.application.households import Households
from services.intake.application.privacy import Privacy
from shared.application import CommandExecutor
from shared.contracts.intake import (
    ERASED,
    EraseHousehold,
    ExportHousehold,
    GetHousehold,
    LiftRestriction,
    ListDuplicates,
    RestrictionReason,
    RestrictProcessing,
)
from shared.decider import Forbidden, NotFound, RuleViolation
from shared.identity import Role
from support.builders.intake import CARITAS, COORDINATOR, caller, intake_commands, register

PHONE = {"phone": "0221 99887766"}


@pytest.fixture
async def commands(tmp_path: Path) -> AsyncIterator[CommandExecutor]:
    async with intake_commands(tmp_path) as executor:
        yield executor


def files_contain(directory: Path, text: str) -> list[str]:
    return [p.name for p in directory.iterdir() if text.encode() in p.read_bytes()]


async def test_erasure_deletes_every_personal_row_and_the_view_says_erased(
    commands: CommandExecutor, tmp_path: Path
) -> None:
    household_id = await register(commands, contact=PHONE, note="Notiz Zqxwv")
    assert files_contain(tmp_path, "Haddad")
    await Privacy(commands).erase(EraseHousehold(household_id=household_id), COORDINATOR)
    view = await Households(commands).get(GetHousehold(household_id=household_id), COORDINATOR)
    assert view.privacy is not None and view.privacy.label == ERASED
    assert (view.members, view.contact, view.note, view.consent) == ([], None, None, None)
    assert (view.adults, view.minors) == (2, 1)  # the counts stay: every figure stays
    # Not a byte of the erased data is left in the SQLite files (VACUUM, WAL truncated).
    assert files_contain(tmp_path, "Haddad") == []
    assert files_contain(tmp_path, "Zqxwv") == []
    exported = await Privacy(commands).export(
        ExportHousehold(household_id=household_id), COORDINATOR
    )
    assert all(rows == [] for rows in exported.personal_data.values())
    assert [f.event_type for f in exported.history][-1] == "PersonalDataErased"


async def test_only_a_coordinator_erases_restricts_or_exports(commands: CommandExecutor) -> None:
    household_id = await register(commands)
    privacy = Privacy(commands)
    with pytest.raises(Forbidden):
        await privacy.erase(EraseHousehold(household_id=household_id), CARITAS)
    with pytest.raises(Forbidden):
        await privacy.export(ExportHousehold(household_id=household_id), caller(Role.admin))
    restrict = RestrictProcessing(
        household_id=household_id, reason=RestrictionReason.retention_duty
    )
    with pytest.raises(Forbidden):
        await privacy.restrict(restrict, CARITAS)


async def test_a_restricted_household_is_the_coordinators_alone_and_in_no_search(
    commands: CommandExecutor,
) -> None:
    first = await register(commands, contact=PHONE)
    privacy, households = Privacy(commands), Households(commands)
    restrict = RestrictProcessing(
        household_id=first,
        reason=RestrictionReason.retention_duty,
        note="Aufbewahrungspflicht bis 2031",
    )
    await privacy.restrict(restrict, COORDINATOR)
    get = GetHousehold(household_id=first)
    for other in (CARITAS, caller(Role.admin)):
        with pytest.raises(NotFound):
            await households.get(get, other)
    view = await households.get(get, COORDINATOR)
    assert view.privacy is not None
    assert (view.privacy.restricted_reason, view.privacy.restriction_note) == (
        RestrictionReason.retention_duty,
        "Aufbewahrungspflicht bis 2031",
    )
    # A look-alike registered now is not matched against the restricted household.
    second = await register(commands, contact=PHONE)
    duplicates = await DuplicateDecisions(commands).list(ListDuplicates(), COORDINATOR)
    assert duplicates.items == []
    with pytest.raises(RuleViolation):
        await privacy.erase(EraseHousehold(household_id=first), COORDINATOR)

    await privacy.lift(LiftRestriction(household_id=first), COORDINATOR)
    assert (await households.get(get, CARITAS)).privacy is None
    third = await register(commands, contact=PHONE)
    listed = await DuplicateDecisions(commands).list(ListDuplicates(), COORDINATOR)
    assert {(d.household_id, d.other_household_id) for d in listed.items} == {
        (third, first),
        (third, second),
    }
    assert isinstance(second, UUID)


async def test_the_export_holds_every_personal_row_and_the_history(
    commands: CommandExecutor,
) -> None:
    household_id = await register(commands, contact=PHONE, note="Notiz")
    exported = await Privacy(commands).export(
        ExportHousehold(household_id=household_id), COORDINATOR
    )
    members = exported.personal_data["household_members"]
    assert sorted(str(m["family_name"]) for m in members) == ["Haddad", "Haddad", "None"]
    assert exported.personal_data["household_details"][0]["phone"] == PHONE["phone"]
    assert [f.event_type for f in exported.history] == ["HouseholdRegistered"]
    # It serialises to JSON: what the gateway sends as the machine-readable file.
    as_json = json.loads(exported.model_dump_json())
    assert as_json["personal_data"]["household_members"][0]["household_id"] == str(household_id)
