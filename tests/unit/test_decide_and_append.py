"""One write path (shared/application.py `decide_and_append`): the executor's and every
consumer policy's. Given a stream's events, when a command is decided in a transaction,
then its events are appended, and counted and handed to the relay only once the
transaction has committed."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from prometheus_client import REGISTRY

from services.intake.application.placement_policy import CONSUMER, PlacementPolicy
from services.intake.domain import household as hh
from services.intake.domain.household_commands import DeregisterHousehold
from services.intake.entrypoints.app import MIGRATIONS
from shared.application import CommandExecutor, decide_and_append, load_state
from shared.consumer import EventConsumer
from shared.contracts import CONTRACTS
from shared.contracts.intake import DeregistrationReason
from shared.db import Database
from shared.envelope import CommandContext
from shared.eventstore.store import ConcurrencyConflict
from shared.migrations import upgrade
from support.builders.intake import COORDINATOR, placement, register
from support.commands import executor_on


@dataclass
class Relay:
    """Stands in for the outbox relay: counts how often it was woken."""

    woken: int = 0

    def notify(self) -> None:
        self.woken += 1


@pytest.fixture
async def setup(tmp_path: Path) -> AsyncIterator[tuple[CommandExecutor, Relay]]:
    url = f"sqlite+aiosqlite:///{tmp_path}/intake.db"
    await asyncio.to_thread(upgrade, MIGRATIONS, url)
    db = Database(url)
    relay = Relay()
    try:
        yield executor_on(db, relay), relay
    finally:
        await db.dispose()


def appended(event_type: str) -> float:
    return (
        REGISTRY.get_sample_value("auszug_events_appended_total", {"event_type": event_type}) or 0
    )


def deregister() -> DeregisterHousehold:
    return DeregisterHousehold(
        reason=DeregistrationReason.moved_on_own,
        deregistered_on=date(2025, 3, 15),
        today=date(2025, 3, 20),
    )


def context() -> CommandContext:
    return CommandContext(actor="system:test", municipality="koeln", correlation_id=uuid4())


async def registered(setup: tuple[CommandExecutor, Relay]) -> tuple[UUID, str]:
    commands, relay = setup
    household_id = await register(commands, COORDINATOR)
    assert relay.woken == 1  # the registration's own commit
    relay.woken = 0
    return household_id, hh.stream_id("koeln", household_id)


async def test_the_decided_events_are_appended_counted_and_relayed_after_the_commit(
    setup: tuple[CommandExecutor, Relay],
) -> None:
    commands, relay = setup
    _, stream_id = await registered(setup)
    before = appended("HouseholdDeregistered")

    async with commands.db.transaction() as conn:
        outcome = await decide_and_append(
            conn,
            commands.store,
            hh.household,
            stream_id,
            deregister(),
            context(),
            lambda state: state.provider,
        )
        # Nothing counted or relayed before the commit: it may still roll back.
        assert (relay.woken, appended("HouseholdDeregistered")) == (0, before)

    assert (relay.woken, appended("HouseholdDeregistered")) == (1, before + 1)
    assert outcome.version == 2 and outcome.state.deregistered
    [envelope] = outcome.envelopes
    assert (envelope.event_type, envelope.stream_version, envelope.provider) == (
        "HouseholdDeregistered",
        2,
        "caritas",
    )
    state, version = await commands.load(hh.household, stream_id)
    assert version == 2 and state.deregistered and state.provider == "caritas"


async def test_a_rolled_back_transaction_counts_and_relays_nothing(
    setup: tuple[CommandExecutor, Relay],
) -> None:
    commands, relay = setup
    _, stream_id = await registered(setup)
    before = appended("HouseholdDeregistered")

    with pytest.raises(RuntimeError, match="later step failed"):
        async with commands.db.transaction() as conn:
            await decide_and_append(
                conn,
                commands.store,
                hh.household,
                stream_id,
                deregister(),
                context(),
                lambda _: None,
            )
            raise RuntimeError("a later step failed")

    assert (relay.woken, appended("HouseholdDeregistered")) == (0, before)
    assert (await commands.load(hh.household, stream_id))[1] == 1


async def test_a_state_loaded_before_another_writer_appended_is_a_conflict(
    setup: tuple[CommandExecutor, Relay],
) -> None:
    commands, relay = setup
    _, stream_id = await registered(setup)
    async with commands.db.read() as conn:
        stale = await load_state(conn, commands.store, hh.household, stream_id)
    await commands.execute(
        hh.household, stream_id, deregister(), context(), provider=lambda s: s.provider
    )
    relay.woken = 0

    with pytest.raises(ConcurrencyConflict):
        async with commands.db.transaction() as conn:
            await decide_and_append(
                conn,
                commands.store,
                hh.household,
                stream_id,
                deregister(),
                context(),
                lambda s: s.provider,
                loaded=stale,
            )
    assert relay.woken == 0


async def test_a_policys_events_are_counted_and_relayed_once_the_consumer_commits(
    setup: tuple[CommandExecutor, Relay],
) -> None:
    """Before, a policy appended by hand: its events were not counted and waited for the
    relay's next poll."""
    commands, relay = setup
    household_id, stream_id = await registered(setup)
    before = appended("HouseholdDeregistered")
    consumer = EventConsumer(
        name=CONSUMER,
        db=commands.db,
        registry=CONTRACTS,
        projection=PlacementPolicy(commands.store),
    )

    assert await consumer._apply([placement(household_id)]) == 1

    assert (relay.woken, appended("HouseholdDeregistered")) == (1, before + 1)
    history = await commands.load(hh.household, stream_id)
    assert history[1] == 2
    placed_again = await consumer._apply([placement(household_id)])
    # Deregistered already: the policy appends nothing, so nothing to relay.
    assert placed_again == 1 and relay.woken == 1
