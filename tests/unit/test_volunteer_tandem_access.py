"""Tandems as use cases (SQLite, no NATS): what a volunteer sees of their own tandem and
nothing more, what a caseworker may do with another provider's, and which households a
tandem may be formed for."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from uuid import uuid4

import pytest

from services.volunteer.application.household_projection import HouseholdProjection
from services.volunteer.application.tandems import Tandems
from shared.application import CommandExecutor
from shared.clock import business_time
from shared.contracts import volunteer as c
from shared.contracts.intake import HouseholdDeregistered
from shared.decider import Forbidden, NotFound, RuleViolation
from shared.identity import Role
from support.builders.volunteer import (
    CARITAS,
    COORDINATOR,
    DRK,
    MARIA,
    caller,
    form,
    intake_registers,
    ready_volunteer,
    recorded,
    volunteer_commands,
)


@pytest.fixture
async def commands(tmp_path: Path) -> AsyncIterator[CommandExecutor]:
    async with volunteer_commands(tmp_path) as executor:
        yield executor


async def test_the_volunteer_sees_only_the_minimal_view_of_their_own_tandem(
    commands: CommandExecutor,
) -> None:
    tandems = Tandems(commands)
    ours, theirs = await intake_registers(commands), await intake_registers(commands)
    tandem_id = await form(commands, await ready_volunteer(commands), ours)
    other = await form(commands, await ready_volunteer(commands, "jonas.k"), theirs)

    seen = await tandems.household(c.GetTandemHousehold(household_id=ours), MARIA)
    assert seen.model_dump() == {
        "household_id": ours,
        "provider": "caritas",
        "adults": 2,
        "minors": 3,
        "persons": 5,
        "accommodation_kind": "shelter",
        "tandem_id": tandem_id,
        "tandem_since": date(2025, 3, 1),
    }
    with pytest.raises(NotFound):
        await tandems.household(c.GetTandemHousehold(household_id=theirs), MARIA)
    with pytest.raises(NotFound):
        await tandems.get(other, MARIA)
    listed = await tandems.listing(c.ListTandems(), MARIA)
    assert [t.tandem_id for t in listed.tandems] == [tandem_id]
    nobody = caller(Role.volunteer, user="unknown.user")
    assert (await tandems.listing(c.ListTandems(), nobody)).tandems == []


async def test_the_volunteer_records_support_for_their_own_active_tandem_only(
    commands: CommandExecutor,
) -> None:
    tandems = Tandems(commands)
    household_id = await intake_registers(commands)
    tandem_id = await form(commands, await ready_volunteer(commands), household_id)
    viewing = c.RecordSupport(kind=c.SupportKind.viewing, supported_on="2025-03-05")
    await tandems.support(tandem_id, viewing, MARIA)
    with pytest.raises(NotFound):
        await tandems.support(tandem_id, viewing, caller(Role.volunteer, user="jonas.k"))
    for role in (Role.analyst, Role.housing_office, Role.admin):
        with pytest.raises(Forbidden):
            await tandems.support(tandem_id, viewing, caller(role))
    with pytest.raises(Forbidden):
        await tandems.form(c.FormTandem(volunteer_id=uuid4(), household_id=household_id), MARIA)

    end = c.EndTandem(ended_on="2025-04-01", reason=c.TandemEndReason.flat_found)
    await tandems.end(tandem_id, end, COORDINATOR)
    # Once ended, the household is none of the volunteer's business any more.
    with pytest.raises(NotFound):
        await tandems.household(c.GetTandemHousehold(household_id=household_id), MARIA)
    with pytest.raises(NotFound):
        await tandems.support(tandem_id, viewing, MARIA)
    shown = await tandems.get(tandem_id, COORDINATOR)
    assert ([s.kind for s in shown.support], shown.end_reason) == (["viewing"], "flat_found")


async def test_a_caseworker_works_only_with_their_own_providers_tandems(
    commands: CommandExecutor,
) -> None:
    tandems = Tandems(commands)
    volunteer_id = await ready_volunteer(commands)
    drk_household = await intake_registers(commands, provider="drk")
    with pytest.raises(RuleViolation) as refused:
        await form(commands, volunteer_id, drk_household, CARITAS)
    assert refused.value.code == "household_unknown"  # the same answer as for no household
    with pytest.raises(RuleViolation) as refused:
        await form(commands, volunteer_id, drk_household, DRK)
    assert refused.value.code == "volunteer_unknown"  # caritas' volunteer is unknown to DRK
    tandem_id = await form(commands, volunteer_id, await intake_registers(commands), CARITAS)
    with pytest.raises(NotFound):
        await tandems.get(tandem_id, DRK)
    end = c.EndTandem(reason=c.TandemEndReason.other)
    with pytest.raises(NotFound):
        await tandems.end(tandem_id, end, DRK)
    assert (await tandems.listing(c.ListTandems(), DRK)).tandems == []


async def test_a_tandem_for_an_unknown_or_deregistered_household_is_refused(
    commands: CommandExecutor,
) -> None:
    volunteer_id = await ready_volunteer(commands)
    with pytest.raises(RuleViolation) as refused:
        await form(commands, volunteer_id, uuid4())
    assert refused.value.code == "household_unknown"
    household_id = await intake_registers(commands)
    gone = HouseholdDeregistered(
        household_id=household_id,
        reason="moved_on_own",
        adults=2,
        minors=3,
        occurred_at=business_time(date(2025, 2, 15)),
    )
    async with commands.db.transaction() as conn:
        await HouseholdProjection(commands.store).apply(conn, [recorded(gone, "household")])
    with pytest.raises(RuleViolation) as refused:
        await form(commands, volunteer_id, household_id)
    assert refused.value.code == "household_deregistered"
