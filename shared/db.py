"""Database engines: SQLite (development default) and PostgreSQL (production), both async.

SQLite runs in WAL mode with `synchronous=FULL` so a committed event survives a power
cut, and every transaction starts with `BEGIN IMMEDIATE`: with SQLite's default deferred
transactions a read that later writes fails at once with "database is locked" when
another writer committed in between, instead of waiting its turn. Transactions that
only read say so (`Database.read`) and begin deferred, taking no write lock.

`write_hooks` see every write transaction, whoever opens it: when it has begun and just
before it commits. The idempotency key of the request being executed is checked and
claimed there (shared/idempotency.py), so no write path of a handler can forget it.
What must happen only once a transaction has committed (counting the events it appended,
waking the relay that publishes them) is registered with `after_commit`; the relay is
the database's `relay` (shared/application.py's `CommandExecutor` installs it), so a
consumer's policy wakes it as well as a command does.

While a query is answered (an RPC operation with `changes=False`, shared/rpc.py) the
task runs with `READ_ONLY` set, and `transaction()` refuses: a query reads through
`read()` and never queues behind the writer, let alone writes.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine


def async_url(url: str) -> str:
    """Map a plain or sync URL onto the async driver the services use."""
    parsed = make_url(url)
    if parsed.drivername in ("sqlite", "sqlite+pysqlite"):
        parsed = parsed.set(drivername="sqlite+aiosqlite")
    elif parsed.drivername in ("postgresql", "postgres", "postgresql+psycopg2"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def sync_url(url: str) -> str:
    """The same database through a sync driver, for Alembic."""
    parsed = make_url(async_url(url))
    if parsed.drivername == "sqlite+aiosqlite":
        parsed = parsed.set(drivername="sqlite")
    return parsed.render_as_string(hide_password=False)


# Set while a query's handler runs (shared/rpc.py): `Database.transaction()` refuses.
READ_ONLY: ContextVar[bool] = ContextVar("auszug_read_only", default=False)
_AFTER_COMMIT = "auszug_after_commit"


class WriteInQuery(RuntimeError):
    """A write transaction was opened while a query was answered: a defect."""


class Wake(Protocol):
    """Whoever publishes a database's outbox (shared/relay.py): told that new entries
    were committed, so it publishes them now rather than at its next poll."""

    def notify(self) -> None: ...


def after_commit(conn: AsyncConnection, callback: Callable[[Database], None]) -> None:
    """Call `callback` with the database once the write transaction `conn` is in has
    committed; never if it rolls back."""
    pending = conn.info.get(_AFTER_COMMIT)
    if pending is None:
        raise RuntimeError("after_commit outside a Database.transaction()")
    pending.append(callback)


class WriteHook(Protocol):
    async def begun(self, db: Database, conn: AsyncConnection) -> None: ...

    async def committing(self, db: Database, conn: AsyncConnection) -> None: ...


class Database:
    """One service's database: an engine and transactions on it."""

    def __init__(self, url: str, *, pool_size: int = 5) -> None:
        self.url = async_url(url)
        parsed = make_url(self.url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        kwargs: dict[str, Any] = {}
        if self.is_sqlite:
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        else:
            kwargs.update(pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True)
        self.engine: AsyncEngine = create_async_engine(self.url, **kwargs)
        self.write_hooks: list[WriteHook] = []
        # Publishes this database's outbox; None where nobody does (a one-off job).
        self.relay: Wake | None = None
        if self.is_sqlite:
            _configure_sqlite(self.engine)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncConnection]:
        """A connection inside one transaction: committed on success, rolled back on error."""
        if READ_ONLY.get():
            raise WriteInQuery("a query opened a write transaction; it must read through read()")
        committed: list[Callable[[Database], None]] = []
        async with self.engine.begin() as conn:
            # The pooled connection's info outlives the transaction: set and clear it here.
            conn.info[_AFTER_COMMIT] = committed
            try:
                for hook in self.write_hooks:
                    await hook.begun(self, conn)
                yield conn
                for hook in self.write_hooks:
                    await hook.committing(self, conn)
            finally:
                del conn.info[_AFTER_COMMIT]
        for callback in committed:
            callback(self)

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncConnection]:
        """A transaction that only reads: on SQLite it takes no write lock."""
        async with self.engine.connect() as conn:
            conn = await conn.execution_options(auszug_read_only=True)
            async with conn.begin():
                yield conn

    async def ping(self) -> bool:
        try:
            async with self.read() as conn:
                await conn.exec_driver_sql("SELECT 1")
            return True
        except Exception:
            return False

    async def dispose(self) -> None:
        await self.engine.dispose()


def _configure_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from the driver, see the module docstring.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        read_only = conn.get_execution_options().get("auszug_read_only", False)
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")
