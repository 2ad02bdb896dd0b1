"""An executor for a use case's tests: commands on a test's own database, no broker."""

from __future__ import annotations

from shared.application import CommandExecutor
from shared.contracts import CONTRACTS
from shared.db import Database, Wake
from shared.eventstore.store import EventStore


def executor_on(db: Database, relay: Wake | None = None) -> CommandExecutor:
    """A command executor on `db` with every context's events. No relay publishes the
    outbox unless the test hands in one (a fake that records `notify()`, say)."""
    return CommandExecutor(db, EventStore(CONTRACTS), relay)
