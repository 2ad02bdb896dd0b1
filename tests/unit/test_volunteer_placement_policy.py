"""Policy: a placement is volunteer-supported when a tandem of the household was active on
the lease day. Confirmed once, in the consumer's transaction, caused by the placement."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path
from uuid import UUID, uuid4

import pytest

from services.volunteer.application.placement_policy import ACTOR, PlacementPolicy
from services.volunteer.application.tandems import Tandems
from services.volunteer.domain import tandems as td
from shared.application import CommandExecutor
from shared.clock import business_time
from shared.contracts import volunteer as c
from shared.contracts.placement import LandlordKind, PlacementCompleted
from shared.envelope import Envelope
from shared.eventstore.store import RecordedEvent
from support.builders.volunteer import (
    COORDINATOR,
    form,
    intake_registers,
    ready_volunteer,
    volunteer_commands,
)


@pytest.fixture
async def commands(tmp_path: Path) -> AsyncIterator[CommandExecutor]:
    async with volunteer_commands(tmp_path) as executor:
        yield executor


def placement(household_id: UUID, lease: date, municipality: str = "koeln") -> RecordedEvent:
    event = PlacementCompleted(
        household_id=household_id,
        offer_id=uuid4(),
        landlord_id=uuid4(),
        landlord_kind=LandlordKind.municipal_housing_company,
        provider="caritas",
        adults=2,
        minors=3,
        refugee_quota=True,
        volunteer_supported=False,
        wbs_required=True,
        household_had_wbs=True,
        moved_on=date(2025, 7, 1),
        occurred_at=business_time(lease),
    )
    envelope = Envelope(
        event_id=uuid4(),
        event_type="PlacementCompleted",
        schema_version=1,
        stream_id=f"offer:{municipality}:{event.offer_id}",
        stream_version=7,
        municipality=municipality,
        provider="caritas",
        actor="koordinatorin",
        correlation_id=uuid4(),
        causation_id=None,
        occurred_at=event.occurred_at,
        recorded_at=datetime.now(UTC),
        payload=event.payload(),
    )
    return RecordedEvent(envelope, event)


async def apply(commands: CommandExecutor, *batch: RecordedEvent) -> None:
    async with commands.db.transaction() as conn:
        await PlacementPolicy(commands.store).apply(conn, batch)


async def history(commands: CommandExecutor, household_id: UUID) -> list[RecordedEvent]:
    async with commands.db.transaction() as conn:
        return await commands.store.load(conn, td.stream_id("koeln", household_id))


async def tandem_household(commands: CommandExecutor) -> tuple[UUID, UUID]:
    household_id = await intake_registers(commands)
    return household_id, await form(commands, await ready_volunteer(commands), household_id)


async def test_a_placement_during_a_tandem_is_confirmed_because_of_the_placement(
    commands: CommandExecutor,
) -> None:
    household_id, tandem_id = await tandem_household(commands)
    placed = placement(household_id, date(2025, 6, 20))
    await apply(commands, placed)

    last = (await history(commands, household_id))[-1]
    assert isinstance(last.event, c.PlacementSupportConfirmed)
    assert (last.event.tandem_id, last.event.placement_event_id, last.event.persons) == (
        tandem_id,
        placed.envelope.event_id,
        5,
    )
    assert last.event.lease_signed_on == date(2025, 6, 20)
    assert last.event.occurred_at == business_time(date(2025, 6, 20))
    assert (last.envelope.actor, last.envelope.causation_id) == (ACTOR, placed.envelope.event_id)
    assert last.envelope.correlation_id == placed.envelope.correlation_id
    assert (await Tandems(commands).get(tandem_id, COORDINATOR)).supported_placements == 1


async def test_the_same_placement_twice_is_confirmed_once(commands: CommandExecutor) -> None:
    household_id, _ = await tandem_household(commands)
    placed = placement(household_id, date(2025, 6, 20))
    await apply(commands, placed)
    await apply(commands, placed)
    await apply(commands, placed, placed)
    kinds = [r.envelope.event_type for r in await history(commands, household_id)]
    assert kinds == ["TandemFormed", "PlacementSupportConfirmed"]


async def test_placements_without_an_active_tandem_confirm_nothing(
    commands: CommandExecutor,
) -> None:
    household_id, _ = await tandem_household(commands)
    await apply(commands, placement(household_id, date(2025, 2, 28)))  # before the tandem
    await apply(commands, placement(uuid4(), date(2025, 6, 20)))  # no tandem at all
    # Streams are per municipality: the same household id in another city has no tandem.
    await apply(commands, placement(household_id, date(2025, 6, 20), "bergisch-gladbach"))
    assert [r.envelope.event_type for r in await history(commands, household_id)] == [
        "TandemFormed"
    ]


async def test_a_tandem_recorded_after_the_lease_confirms_the_placement_then(
    commands: CommandExecutor,
) -> None:
    household_id = await intake_registers(commands)
    placed = placement(household_id, date(2025, 6, 20))
    await apply(commands, placed)
    tandem_id = await form(commands, await ready_volunteer(commands), household_id)
    events = [r.event for r in await history(commands, household_id)]
    assert [type(e).__name__ for e in events] == ["TandemFormed", "PlacementSupportConfirmed"]
    assert isinstance(events[1], c.PlacementSupportConfirmed)
    assert (events[1].tandem_id, events[1].placement_event_id) == (
        tandem_id,
        placed.envelope.event_id,
    )
    # ... and the placement it remembered is confirmed no second time when redelivered.
    await apply(commands, placed)
    assert len(await history(commands, household_id)) == 2


async def test_events_of_other_types_are_ignored(commands: CommandExecutor) -> None:
    household_id, _ = await tandem_household(commands)
    formed = (await history(commands, household_id))[0]
    await apply(commands, formed)
    assert len(await history(commands, household_id)) == 1
