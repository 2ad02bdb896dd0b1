"""Physical erasure on SQLite: deleted rows must not linger in the database files.

SQLite keeps a deleted row's bytes in free pages and in the write-ahead log until they
are reused; a forensic look at the file would still find an erased name. After an
erasure commits, VACUUM rewrites the file without them and a TRUNCATE checkpoint
empties the WAL. PostgreSQL keeps dead tuples until (auto)vacuum and its WAL until
archived: there, physical erasure is the operator's retention of WAL and backups.
"""

from __future__ import annotations

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
