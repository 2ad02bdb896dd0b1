"""Policy: a retracted placement revokes the deregistration it caused, once, in the
consumer's transaction, with the retraction as cause; other deregistrations stay."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from uuid import UUID, uuid4

import pytest

from services.intake.application.household_changes import HouseholdChanges
from services.intake.application.households import Households
from services.intake.application.placement_policy import ACTOR
from shared.application import CommandExecutor
from shared.clock import business_time
from shared.contracts.intake import (
    DeregisterHousehold,
    DeregistrationReason,
    GetHousehold,
    HouseholdDeregistrationRevoked,
    HouseholdStatus,
)
from shared.contracts.placement import (
    LandlordKind,
    PlacementCompleted,
    PlacementRetracted,
    RetractionReason,
)
from shared.envelope import Envelope
from shared.eventstore.store import RecordedEvent
from support.builders.intake import (
    COORDINATOR,
    MOVED_ON,
    apply,
    history,
    intake_commands,
    placement,
    register,
)

RETRACTED_ON = date(2025, 4, 10)


@pytest.fixture
async def commands(tmp_path: Path) -> AsyncIterator[CommandExecutor]:
    async with intake_commands(tmp_path) as executor:
        yield executor


def retraction(placed: RecordedEvent) -> RecordedEvent:
    """The retraction of `placed`, on the same offer stream, a version later."""
    p = placed.event
    assert isinstance(p, PlacementCompleted)
    event = PlacementRetracted(
        household_id=p.household_id,
        offer_id=p.offer_id,
        landlord_kind=LandlordKind.municipal_housing_company,
        provider="caritas",
        adults=2,
        minors=1,
        refugee_quota=True,
        volunteer_supported=False,
        household_had_wbs=True,
        lease_signed_on=date(2025, 3, 20),
        reason=RetractionReason.entered_by_mistake,
        occurred_at=business_time(RETRACTED_ON),
    )
    envelope: Envelope = placed.envelope.model_copy(
        update={
            "event_id": uuid4(),
            "event_type": "PlacementRetracted",
            "stream_version": placed.envelope.stream_version + 1,
            "correlation_id": uuid4(),
            "occurred_at": event.occurred_at,
            "recorded_at": datetime.now(UTC),
            "payload": event.payload(),
        }
    )
    return RecordedEvent(envelope, event)


async def kinds(commands: CommandExecutor, household_id: UUID) -> list[str]:
    return [r.envelope.event_type for r in await history(commands, household_id)]


async def test_the_retraction_revokes_the_deregistration_its_placement_caused(
    commands: CommandExecutor,
) -> None:
    household_id = await register(commands)
    placed = placement(household_id)
    await apply(commands, placed)
    taken_back = retraction(placed)
    await apply(commands, taken_back)

    last = (await history(commands, household_id))[-1]
    assert last.event == HouseholdDeregistrationRevoked(
        household_id=household_id,
        deregistered_on=MOVED_ON,
        reason=DeregistrationReason.moved_out_via_placement,
        adults=2,
        minors=1,
        occurred_at=business_time(RETRACTED_ON),
    )
    assert (last.envelope.actor, last.envelope.provider) == (ACTOR, "caritas")
    assert last.envelope.causation_id == taken_back.envelope.event_id

    view = await Households(commands).get(GetHousehold(household_id=household_id), COORDINATOR)
    assert (view.status, view.deregistration) == (HouseholdStatus.active, None)
    assert (view.provider, view.adults, view.minors) == ("caritas", 2, 1)


async def test_a_redelivered_retraction_changes_nothing(commands: CommandExecutor) -> None:
    # (The consumer drops redeliveries by event id; the policy holds even without it.)
    household_id = await register(commands)
    placed = placement(household_id)
    await apply(commands, placed)
    taken_back = retraction(placed)
    await apply(commands, taken_back)
    await apply(commands, taken_back)
    assert await kinds(commands, household_id) == [
        "HouseholdRegistered",
        "HouseholdDeregistered",
        "HouseholdDeregistrationRevoked",
    ]


async def test_a_retraction_of_another_placement_leaves_the_deregistration(
    commands: CommandExecutor,
) -> None:
    household_id = await register(commands)
    first = placement(household_id)
    await apply(commands, first)
    # A second placement of the same household (through another offer) is retracted.
    other = placement(household_id)
    other = replace(other, event=other.event.model_copy(update={"offer_id": uuid4()}))
    await apply(commands, retraction(other))
    assert await kinds(commands, household_id) == ["HouseholdRegistered", "HouseholdDeregistered"]


async def test_a_household_that_moved_on_its_own_stays_deregistered(
    commands: CommandExecutor,
) -> None:
    household_id = await register(commands)
    on_own = DeregisterHousehold(
        household_id=household_id,
        reason=DeregistrationReason.moved_on_own,
        deregistered_on=date(2025, 3, 15),
    )
    await HouseholdChanges(commands).deregister(on_own, COORDINATOR)
    placed = placement(household_id)
    await apply(commands, placed)
    await apply(commands, retraction(placed))
    assert await kinds(commands, household_id) == ["HouseholdRegistered", "HouseholdDeregistered"]


async def test_a_retraction_for_a_household_not_deregistered_changes_nothing(
    commands: CommandExecutor,
) -> None:
    household_id = await register(commands)
    await apply(commands, retraction(placement(household_id)))
    assert await kinds(commands, household_id) == ["HouseholdRegistered"]
