"""Physical erasure on SQLite: deleted rows must not linger in the database files.

SQLite keeps a deleted row's bytes in free pages and in the write-ahead log until they
are reused; a forensic look at the file would still find an erased name. After an
erasure commits, VACUUM rewrites the file without them and a TRUNCATE checkpoint
empties the WAL. PostgreSQL keeps dead tuples until (auto)vacuum and its WAL until
archived: there, physical erasure is the operator's retention of WAL and backups.

Two ways to call it: `purge_deleted_rows` right after a use case's transaction
committed (intake, volunteer, prevention erasures), and `Purger.request()` from inside
a consumer's transaction, which must not wait for itself: VACUUM needs the write lock
the consumer holds until its commit, so the purge runs in the background afterwards.
"""

from __future__ import annotations

import asyncio

import structlog

from shared.db import Database

log = structlog.get_logger(__name__)


async def purge_deleted_rows(db: Database) -> bool:
    """Rewrite a SQLite database so deleted rows leave no bytes behind; True when done.

    Runs outside any transaction (VACUUM refuses to run inside one), on the driver's
    connection directly, so the engine's BEGIN IMMEDIATE hook does not wrap it.
    """
    if not db.is_sqlite:
        return False
    try:
        async with db.engine.connect() as conn:
            raw = await conn.get_raw_connection()
            driver = raw.driver_connection
            assert driver is not None
            await driver.execute("VACUUM")
            await driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except Exception as exc:
        # The rows are deleted already; only their leftover bytes stay until the next run.
        log.warning("purging deleted rows failed", error=repr(exc))
        return False
    return True


class Purger:
    """Coalesces purge requests into one VACUUM at a time, run in the background."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._task: asyncio.Task[None] | None = None
        self._again = False

    def request(self) -> None:
        """Purge soon, after the calling transaction committed; no-op on PostgreSQL."""
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
            await purge_deleted_rows(self.db)
            if not self._again:
                return
