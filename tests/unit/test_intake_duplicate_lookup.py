"""Possible duplicates found in the personal-data tables on registration, and the
coordinator's decisions on them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from services.intake.application.duplicates import DuplicateDecisions
from services.intake.application.households import Households
from shared.application import CommandExecutor
from shared.contracts.intake import DuplicateDecision, DuplicateStatus, GetHousehold, ListDuplicates
from shared.decider import Forbidden
from support.builders.intake import CARITAS, COORDINATOR, caller, intake_commands, register


@pytest.fixture
async def commands(tmp_path: Path) -> AsyncIterator[CommandExecutor]:
    async with intake_commands(tmp_path) as executor:
        yield executor


async def test_same_family_name_and_birth_date_flags_a_possible_duplicate(
    commands: CommandExecutor,
) -> None:
    first = await register(commands)
    other_city = await register(commands, caller(city="bergisch-gladbach"))
    members = [
        {"role": "head", "age_band": "27-64", "family_name": " HADDAD ", "birth_date": "1980-02-01"}
    ]
    second = await register(commands, members=members)
    view = await Households(commands).get(GetHousehold(household_id=second), COORDINATOR)
    assert [(d.other_household_id, d.status) for d in view.possible_duplicates] == [
        (first, DuplicateStatus.open)
    ]
    assert other_city not in {d.other_household_id for d in view.possible_duplicates}
    # Caseworkers do not learn other households' ids.
    assert (
        await Households(commands).get(GetHousehold(household_id=second), CARITAS)
    ).possible_duplicates == []


async def test_the_same_phone_number_in_another_notation_flags_too(
    commands: CommandExecutor,
) -> None:
    first = await register(commands, contact={"phone": "+49 (221) 123-456"})
    second = await register(
        commands, members=[{"role": "head", "age_band": "18-26"}], contact={"phone": "0221 123456"}
    )
    unrelated = await register(
        commands, members=[{"role": "head", "age_band": "18-26"}], contact={"phone": "0221 999"}
    )
    listed = await DuplicateDecisions(commands).list(ListDuplicates(), COORDINATOR)
    assert {(d.household_id, d.other_household_id) for d in listed.items} == {(second, first)}
    assert unrelated not in {d.household_id for d in listed.items}


async def test_a_coordinator_decides_and_undoes_and_the_list_follows(
    commands: CommandExecutor,
) -> None:
    first = await register(commands)
    second = await register(commands)
    decisions = DuplicateDecisions(commands)
    pair = DuplicateDecision(household_id=second, other_household_id=first)
    with pytest.raises(Forbidden):
        await decisions.dismiss(pair, CARITAS)
    assert (await decisions.dismiss(pair, COORDINATOR)).status is DuplicateStatus.dismissed
    assert (await decisions.list(ListDuplicates(), COORDINATOR)).items == []
    assert (await decisions.revoke(pair, COORDINATOR)).status is DuplicateStatus.open
    assert (await decisions.link(pair, COORDINATOR)).status is DuplicateStatus.linked
    linked = await decisions.list(ListDuplicates(status=DuplicateStatus.linked), COORDINATOR)
    assert [d.household_id for d in linked.items] == [second]
