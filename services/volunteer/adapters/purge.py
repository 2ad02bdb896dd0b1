"""Physical erasure on SQLite: deleted rows must not linger in the database files.

SQLite keeps a deleted row's bytes in free pages and in the write-ahead log until they
are reused. After an erasure commits, VACUUM rewrites the file without them and a
TRUNCATE checkpoint empties the WAL. The erasure runs inside a consumer's transaction,
so the purge is scheduled for after it: VACUUM waits for the write lock, which the
consumer holds until its commit. PostgreSQL: dead tuples go with (auto)vacuum, WAL
and backups with the operator's retention. (Intake has the same helper; a kernel
`Database.purge()` should replace both.)
"""

from __future__ import annotations

import asyncio

import structlog

from shared.db import Database

log = structlog.get_logger(__name__)


class Purger:
    """Coalesces purge requests into one VACUUM at a time, run in the background."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._task: asyncio.Task[None] | None = None
        self._again = False

    def request(self) -> None:
        if not self.db.is_sqlite:
            return
        if self._task is not None and not self._task.done():
            self._again = True
            return
        self._task = asyncio.get_running_loop().create_task(self._run(), name="purge")

    async def _run(self) -> None:
        while True:
            self._again = False
            await asyncio.sleep(0.1)  # let the requesting transaction commit first
            await self._purge()
            if not self._again:
                return

    async def _purge(self) -> None:
        try:
            async with self.db.engine.connect() as conn:
                raw = await conn.get_raw_connection()
                driver = raw.driver_connection
                assert driver is not None
                await driver.execute("VACUUM")
                await driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except Exception as exc:
            # The rows are deleted already; only their leftover bytes stay until next time.
            log.warning("purging deleted rows failed", error=repr(exc))
