"""Policy: a completed placement deregisters the household, once, through the decider,
in the consumer's transaction, with the placement event as cause."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

import pytest

from services.intake.application.household_changes import HouseholdChanges
from services.intake.application.placement_policy import ACTOR
from shared.application import CommandExecutor
from shared.clock import business_time
from shared.contracts.intake import (
    DeregisterHousehold,
    DeregistrationReason,
    HouseholdDeregistered,
)
from shared.decider import NotFound
from support.builders.intake import (
    COORDINATOR,
    MOVED_ON,
    apply,
    commands,
    history,
    placement,
    register,
)

__all__ = ["commands"]  # the fixture, from the builders


async def test_a_placed_household_is_deregistered_because_of_the_placement(
    commands: CommandExecutor,
) -> None:
    household_id = await register(commands)
    placed = placement(household_id)
    await apply(commands, placed)

    last = (await history(commands, household_id))[-1]
    assert last.event == HouseholdDeregistered(
        household_id=household_id,
        reason=DeregistrationReason.moved_out_via_placement,
        adults=2,
        minors=1,
        offer_id=UUID(placed.envelope.payload["offer_id"]),
        occurred_at=business_time(MOVED_ON),
    )
    assert (last.envelope.actor, last.envelope.provider) == (ACTOR, "caritas")
    assert last.envelope.causation_id == placed.envelope.event_id
    assert last.envelope.correlation_id == placed.envelope.correlation_id


async def test_the_same_placement_twice_deregisters_once(commands: CommandExecutor) -> None:
    household_id = await register(commands)
    placed = placement(household_id)
    await apply(commands, placed)
    await apply(commands, placed)
    await apply(commands, placed, placement(household_id))
    kinds = [r.envelope.event_type for r in await history(commands, household_id)]
    assert kinds == ["HouseholdRegistered", "HouseholdDeregistered"]


async def test_a_household_that_moved_on_its_own_before_stays_as_it_was(
    commands: CommandExecutor,
) -> None:
    household_id = await register(commands)
    on_own = DeregisterHousehold(
        household_id=household_id,
        reason=DeregistrationReason.moved_on_own,
        deregistered_on=date(2025, 3, 15),
    )
    await HouseholdChanges(commands).deregister(on_own, COORDINATOR)
    await apply(commands, placement(household_id))
    last = (await history(commands, household_id))[-1]
    assert isinstance(last.event, HouseholdDeregistered)
    assert (last.envelope.stream_version, last.event.reason) == (2, "moved_on_own")


async def test_a_placement_of_a_household_intake_does_not_know_is_not_swallowed(
    commands: CommandExecutor,
) -> None:
    # Raised inside the consumer's transaction: retried, then dead-lettered with a metric.
    with pytest.raises(NotFound):
        await apply(commands, placement(uuid4()))
    # Streams are per municipality: the same id in another city is unknown here too.
    household_id = await register(commands, COORDINATOR)
    with pytest.raises(NotFound):
        await apply(commands, placement(household_id, municipality="bergisch-gladbach"))


async def test_events_of_other_types_are_ignored(commands: CommandExecutor) -> None:
    household_id = await register(commands)
    registered = (await history(commands, household_id))[0]
    await apply(commands, registered)
    assert len(await history(commands, household_id)) == 1
