"""Restriction (Art. 18 DSGVO) in volunteer (SQLite, no NATS): the tandem household view
and the tandem answer 404 and drop out of lists for all but a coordinator, no new tandem
is formed, the active tandem is not ended, and lifting brings everything back."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from uuid import UUID

import pytest

from services.volunteer.application.household_projection import HouseholdProjection
from services.volunteer.application.tandems import Tandems
from shared.application import CommandExecutor
from shared.contracts import volunteer as c
from shared.decider import NotFound, RuleViolation
from shared.envelope import DomainEvent
from support.builders.restriction import lifted, recorded, restricted
from support.builders.volunteer import (
    CARITAS,
    COORDINATOR,
    MARIA,
    form,
    intake_registers,
    ready_volunteer,
    volunteer_commands,
)


@pytest.fixture
async def commands(tmp_path: Path) -> AsyncIterator[CommandExecutor]:
    async with volunteer_commands(tmp_path) as executor:
        yield executor


async def intake(commands: CommandExecutor, *events: DomainEvent) -> None:
    async with commands.db.transaction() as conn:
        await HouseholdProjection(commands.store).apply(conn, [recorded(e) for e in events])


async def test_a_restricted_household_is_hidden_but_its_tandem_goes_on(
    commands: CommandExecutor,
) -> None:
    tandems = Tandems(commands)
    household_id = await intake_registers(commands)
    tandem_id = await form(commands, await ready_volunteer(commands), household_id)
    view = c.GetTandemHousehold(household_id=household_id)
    await intake(commands, restricted(household_id), restricted(household_id))

    with pytest.raises(NotFound):
        await tandems.household(view, MARIA)
    assert (await tandems.listing(c.ListTandems(), MARIA)).tandems == []
    for who in (MARIA, CARITAS):
        with pytest.raises(NotFound):
            await tandems.get(tandem_id, who)
    assert (await tandems.listing(c.ListTandems(), CARITAS)).tandems == []
    # The coordinator still sees it, and the tandem was not ended: restriction is not erasure.
    assert (await tandems.get(tandem_id, COORDINATOR)).ended_on is None
    assert (await tandems.household(view, COORDINATOR)).household_id == household_id

    await intake(commands, lifted(household_id))
    assert (await tandems.household(view, MARIA)).tandem_id == tandem_id
    listed = await tandems.listing(c.ListTandems(), MARIA)
    assert [t.tandem_id for t in listed.tandems] == [tandem_id]


async def test_no_tandem_is_formed_for_a_restricted_household(
    commands: CommandExecutor,
) -> None:
    household_id = await intake_registers(commands)
    volunteer_id = await ready_volunteer(commands)
    await intake(commands, restricted(household_id))

    with pytest.raises(RuleViolation) as refused:
        await form(commands, volunteer_id, household_id, COORDINATOR)
    assert refused.value.code == "household_restricted"
    assert "eingeschränkt" in refused.value.message
    # A caseworker learns nothing: the household is as unknown as a missing one.
    with pytest.raises(RuleViolation) as unknown:
        await form(commands, volunteer_id, household_id, CARITAS)
    assert unknown.value.code == "household_unknown"

    await intake(commands, lifted(household_id))
    assert isinstance(await form(commands, volunteer_id, household_id, CARITAS), UUID)
