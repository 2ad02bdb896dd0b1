"""The SQL event store on SQLite and PostgreSQL: optimistic concurrency and the outbox."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path
from uuid import uuid4

import pytest
from sqlalchemy import func, select

from services.intake.adapters.migrations import __file__ as _migrations_init
from shared.clock import business_time
from shared.contracts import CONTRACTS
from shared.contracts.intake import AccommodationKind, HouseholdRegistered
from shared.db import Database
from shared.envelope import CommandContext
from shared.eventstore import ConcurrencyConflict, EventStore, events, outbox
from shared.migrations import upgrade
from support.commands import executor_on

MIGRATIONS = Path(_migrations_init).parent


def registered() -> HouseholdRegistered:
    return HouseholdRegistered(
        household_id=uuid4(),
        provider="caritas",
        adults=1,
        minors=0,
        accommodation_kind=AccommodationKind.shelter,
        occurred_at=business_time(date(2020, 5, 1)),
    )


def context() -> CommandContext:
    return CommandContext(actor="test", municipality="koeln", correlation_id=uuid4())


@pytest.fixture
def db_url(tmp_path: Path, database_urls: dict[str, str]) -> str:
    url = database_urls.get("intake") or f"sqlite+aiosqlite:///{tmp_path}/intake.db"
    upgrade(MIGRATIONS, url)
    return url


async def count(db: Database, table: object) -> int:
    async with db.transaction() as conn:
        return int((await conn.execute(select(func.count()).select_from(table))).scalar_one())  # type: ignore[arg-type]


async def test_two_appends_at_the_same_version_one_wins(db_url: str) -> None:
    db, store = Database(db_url), EventStore(CONTRACTS)
    gate = asyncio.Event()

    async def append() -> str:
        async with db.transaction() as conn:
            await store.load(conn, "s-1")  # both read version 0 ...
            await gate.wait()  # ... before either writes
            try:
                await store.append(
                    conn,
                    stream_id="s-1",
                    expected_version=0,
                    new_events=[registered()],
                    context=context(),
                    provider="caritas",
                )
            except ConcurrencyConflict:
                return "conflict"
        return "ok"

    tasks = [asyncio.create_task(append()) for _ in range(2)]
    await asyncio.sleep(0.1)
    gate.set()
    assert sorted(await asyncio.gather(*tasks)) == ["conflict", "ok"]
    assert await count(db, events) == 1
    assert await count(db, outbox) == 1
    await db.dispose()


async def test_events_and_outbox_roll_back_together(db_url: str) -> None:
    db, store = Database(db_url), EventStore(CONTRACTS)
    with pytest.raises(RuntimeError):
        async with db.transaction() as conn:
            await store.append(
                conn,
                stream_id="s-2",
                expected_version=0,
                new_events=[registered()],
                context=context(),
                provider="caritas",
            )
            raise RuntimeError("the command's other write failed")
    assert await count(db, events) == 0
    assert await count(db, outbox) == 0
    await db.dispose()


async def test_a_stream_loads_in_version_order_with_business_time_intact(db_url: str) -> None:
    db, store = Database(db_url), EventStore(CONTRACTS)
    first, second = registered(), registered()
    async with db.transaction() as conn:
        await store.append(
            conn,
            stream_id="s-3",
            expected_version=0,
            new_events=[first, second],
            context=context(),
            provider="caritas",
        )
    async with db.transaction() as conn:
        loaded = await store.load(conn, "s-3")
    assert [r.event for r in loaded] == [first, second]
    assert [r.envelope.stream_version for r in loaded] == [1, 2]
    await db.dispose()


async def test_commands_racing_on_one_stream_are_decided_again_and_all_land(db_url: str) -> None:
    """A command that loses the race to a stream is decided on the new state, not refused:
    no caller sent an expected version, so a person would only be told to retry."""
    from shared.decider import Decider

    seen: list[int] = []

    def decide(command: str, state: int) -> list[HouseholdRegistered]:
        seen.append(state)
        return [registered()]

    counting: Decider[str, object, int] = Decider(
        decide=decide, evolve=lambda state, _event: state + 1, initial_state=0
    )
    db = Database(db_url)
    executor = executor_on(db)
    outcomes = await asyncio.gather(
        *(
            executor.execute(counting, "s-race", "again", context(), provider=lambda _s: "caritas")
            for _ in range(8)
        )
    )
    assert sorted(o.version for o in outcomes) == list(range(1, 9))
    assert await count(db, events) == 8
    assert await count(db, outbox) == 8
    await db.dispose()
