"""The retention job on a generated history, as of a fixed day: it erases exactly the
households deregistered N years ago or earlier, skips restricted ones, and a second run
does nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from uuid import UUID

import pytest

from services.intake.adapters.retention import save_rule
from services.intake.application.household_changes import HouseholdChanges
from services.intake.application.households import Households
from services.intake.application.privacy import Privacy
from services.intake.application.retention import run_retention, years_after
from shared.application import CommandExecutor
from shared.contracts.intake import (
    DeregisterHousehold,
    DeregistrationReason,
    GetHousehold,
    RestrictionReason,
    RestrictProcessing,
)
from shared.identity import Caller, Role
from support.builders.intake import COORDINATOR, caller, intake_commands, register

TODAY = date(2025, 6, 30)
BONN = caller(Role.coordinator, city="bonn")


@pytest.fixture
async def commands(tmp_path: Path) -> AsyncIterator[CommandExecutor]:
    async with intake_commands(tmp_path) as executor:
        yield executor


async def deregistered(commands: CommandExecutor, on: date, who: Caller = COORDINATOR) -> UUID:
    household_id = await register(commands, who, registered_on="2015-01-05")
    request = DeregisterHousehold(
        household_id=household_id, reason=DeregistrationReason.moved_on_own, deregistered_on=on
    )
    await HouseholdChanges(commands).deregister(request, who)
    return household_id


def test_n_years_after_is_the_same_calendar_day() -> None:
    assert years_after(date(2020, 6, 30), 5) == date(2025, 6, 30)
    assert years_after(date(2016, 2, 29), 3) == date(2019, 2, 28)


async def test_retention_erases_what_is_due_skips_restricted_and_runs_idempotently(
    commands: CommandExecutor,
) -> None:
    # A history of ten years: one household deregistered each 1 July, 2015 to 2024.
    ids = {year: await deregistered(commands, date(year, 7, 1)) for year in range(2015, 2025)}
    due_day = await deregistered(commands, date(2020, 6, 30))  # exactly five years today
    active = await register(commands, registered_on="2015-01-05")
    other_city = await deregistered(commands, date(2015, 7, 1), BONN)  # no rule in Bonn
    restricted = ids[2016]
    await Privacy(commands).restrict(
        RestrictProcessing(household_id=restricted, reason=RestrictionReason.retention_duty),
        COORDINATOR,
    )
    async with commands.db.transaction() as conn:
        await save_rule(conn, "koeln", 5)
    due = {ids[y] for y in (2015, 2017, 2018, 2019)} | {due_day}

    dry = await run_retention(commands, TODAY, apply=False)
    assert (set(dry.erased), dry.restricted_skipped) == (due, [restricted])
    view = await Households(commands).get(GetHousehold(household_id=ids[2015]), COORDINATOR)
    assert view.privacy is None and view.members, "a dry run erases nothing"

    applied = await run_retention(commands, TODAY, apply=True)
    assert set(applied.erased) == due
    for household_id in due:
        view = await Households(commands).get(GetHousehold(household_id=household_id), COORDINATOR)
        assert view.privacy is not None and view.privacy.erased_on == TODAY
        assert view.members == []
    for household_id in (ids[2020], ids[2024], active):
        view = await Households(commands).get(GetHousehold(household_id=household_id), COORDINATOR)
        assert view.privacy is None and view.members
    assert (await Households(commands).get(GetHousehold(household_id=other_city), BONN)).members

    again = await run_retention(commands, TODAY, apply=True)
    assert (again.erased, again.restricted_skipped) == ([], [restricted])
    later = await run_retention(commands, date(2026, 7, 1), apply=False)
    assert set(later.erased) == {ids[2020], ids[2021]}
