"""The lists staff work from (cases, aftercare offers) are rebuilt from the event store
exactly as the commands wrote them, and the migration creates the tables the code uses."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from services.prevention.adapters.tables import PREVENTION, aftercare_offers, case_index
from services.prevention.application.aftercare_policy import AftercarePolicy
from services.prevention.application.reindex import reindex
from services.prevention.entrypoints.app import MIGRATIONS
from shared.contracts import prevention as p
from shared.migrations import upgrade
from support.builders.prevention import (
    OFFICE,
    SKM,
    Setup,
    placement,
    prevention_setup,
    running_case,
)


@pytest.fixture
async def setup(tmp_path: Path) -> AsyncIterator[Setup]:
    async with prevention_setup(tmp_path) as it:
        yield it


async def rows(conn: AsyncConnection, table: sa.Table) -> list[Any]:
    return sorted(tuple(r) for r in await conn.execute(sa.select(table)))


async def test_the_lists_rebuilt_from_the_events_equal_the_live_ones(setup: Setup) -> None:
    first = await running_case(setup)
    await setup.acts.record_visit(first, p.RecordHomeVisit(findings=["rent_arrears"]), SKM)
    second = await running_case(setup)
    await setup.course.close(second, p.CloseCase(outcome="eviction"), OFFICE)
    async with setup.commands.db.transaction() as conn:
        await AftercarePolicy(setup.commands.store).apply(conn, [placement()])
    async with setup.commands.db.transaction() as conn:
        live = [await rows(conn, case_index), await rows(conn, aftercare_offers)]
    assert len(live[0]) == 2 and len(live[1]) == 1

    assert await reindex(setup.commands.db, setup.commands.store) == 3
    async with setup.commands.db.transaction() as conn:
        assert [await rows(conn, case_index), await rows(conn, aftercare_offers)] == live


def test_the_migration_creates_every_table_and_column_the_code_uses(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/prevention.db"
    upgrade(MIGRATIONS, url)
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        inspector = sa.inspect(conn)
        for table in PREVENTION.tables.values():
            columns = {c["name"] for c in inspector.get_columns(table.name)}
            assert columns == set(table.columns.keys()), table.name
        assert {"events", "outbox", "processed_events"} <= set(inspector.get_table_names())
    engine.dispose()
