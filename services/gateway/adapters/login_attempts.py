"""Sign-in throttling in the database: an attempt is reserved before its password is checked.

Each scope (a login name from one address, a login name, an address) has a row: its
failures, the last one's time and until when the next attempt must wait. `reserve` takes
the rows' locks (PostgreSQL: `SELECT … FOR UPDATE` after an insert that creates missing
rows; SQLite: every writing transaction begins IMMEDIATE, see shared/db.py), refuses when
any scope still waits, else counts the attempt as a failure in advance and sets each
scope's next wait. So N parallel attempts are checked one after the other against the
counts of those before them, and at most the free ones get to the password check. A
right password then clears its login's scopes and takes its reservation back from the
address's (`settle_success`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from services.gateway.adapters.tables import login_throttle

_LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Scope:
    """One thing failures are counted for, and how its waits grow."""

    name: str
    free: int
    first_wait: timedelta
    max_wait: timedelta

    @property
    def key(self) -> str:
        return hashlib.sha256(self.name.encode()).hexdigest()

    def wait_after(self, failures: int) -> timedelta:
        """The wait before the next attempt once `failures` are counted: none for the free
        ones, then doubling from `first_wait` up to `max_wait`."""
        if failures < self.free:
            return timedelta(0)
        doublings = min(failures - self.free, 32)
        return min(self.first_wait * (1 << doublings), self.max_wait)


def _insert_missing(conn: AsyncConnection) -> sa.Insert:
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    return insert(login_throttle).on_conflict_do_nothing(index_elements=["key"])


async def reserve(
    conn: AsyncConnection, scopes: Sequence[Scope], now: datetime, forget_before: datetime
) -> timedelta | None:
    """Count one more failure for every scope and return None; or, if any scope must still
    wait, count nothing and return the longest wait."""
    ordered = sorted(scopes, key=lambda s: s.key)  # one lock order: no deadlocks
    # A new row blocks nothing, also for a parallel attempt whose clock read a bit earlier.
    await conn.execute(
        _insert_missing(conn),
        [
            {"key": s.key, "failures": 0, "last_failure_at": now, "blocked_until": _LONG_AGO}
            for s in ordered
        ],
    )
    rows = await conn.execute(
        sa.select(login_throttle)
        .where(login_throttle.c.key.in_([s.key for s in ordered]))
        .order_by(login_throttle.c.key)
        .with_for_update()
    )
    found = {row.key: row for row in rows}
    waits: list[timedelta] = [found[s.key].blocked_until - now for s in ordered]
    longest = max(waits)
    if longest > timedelta(0):
        return longest
    for scope in ordered:
        row = found[scope.key]
        failures = (0 if row.last_failure_at < forget_before else row.failures) + 1
        wait = scope.wait_after(failures)
        # Without a wait the row keeps its time: `now` of a parallel attempt may be earlier.
        blocked_until = now + wait if wait else row.blocked_until
        await conn.execute(
            login_throttle.update()
            .where(login_throttle.c.key == scope.key)
            .values(failures=failures, last_failure_at=now, blocked_until=blocked_until)
        )
    # Rows another attempt holds are left for later: waiting for them could deadlock.
    stale = (
        sa.select(login_throttle.c.key)
        .where(login_throttle.c.last_failure_at < forget_before)
        .with_for_update(skip_locked=True)
    )
    await conn.execute(login_throttle.delete().where(login_throttle.c.key.in_(stale)))
    return None


async def settle_success(conn: AsyncConnection, cleared: Sequence[Scope], refunded: Scope) -> None:
    """A right password: the `cleared` scopes start afresh; `refunded` gets its reserved
    failure back, but keeps its wait (lifting it would let anyone end an address's wait
    with an account of their own). Row by row in the reservation's lock order."""
    for scope in sorted([*cleared, refunded], key=lambda s: s.key):
        row = login_throttle.c.key == scope.key
        if scope in cleared:
            await conn.execute(login_throttle.delete().where(row))
            continue
        failures = login_throttle.c.failures
        await conn.execute(
            login_throttle.update().where(row, failures > 0).values(failures=failures - 1)
        )
