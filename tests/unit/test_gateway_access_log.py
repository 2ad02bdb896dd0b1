"""The access log answers with the moment of each read in UTC, as its API documents
(`date-time` with an offset): SQLite hands back timestamps without their offset, which
schemathesis found once a household had been read before its log was asked for."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from uuid import uuid4

import pytest

from services.gateway.adapters import MIGRATIONS
from services.gateway.adapters.access_log import Access, accesses_of, record_access
from shared.db import Database
from shared.migrations import upgrade


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    url = f"sqlite+aiosqlite:///{tmp_path}/gateway.db"
    await asyncio.to_thread(upgrade, MIGRATIONS, url)
    database = Database(url)
    yield database
    await database.dispose()


async def test_a_read_comes_back_with_its_moment_in_utc(db: Database) -> None:
    household_id = uuid4()
    at = datetime(2026, 12, 6, 22, 6, 36, tzinfo=UTC)
    read = Access(at, "koeln", "kora", "coordinator", "household", household_id, "/x", uuid4())
    async with db.transaction() as conn:
        await record_access(conn, read)
    async with db.read() as conn:
        (found,) = await accesses_of(conn, "koeln", "household", household_id)
    assert found.at == at and found.at.utcoffset() is not None
