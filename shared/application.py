"""The write path every command takes: load → fold → decide → append with outbox → commit.

A command that meets a concurrent append to its stream (two caseworkers, or a policy
reacting to an event, wrote first) is decided again on the new state: no caller sends
an expected version, so the decider's rules on the fresh state are the whole check, and
a person gets a 409 only when the retries run out or the new state forbids the command.

Extra writes of the same command (personal-data rows, which never go into events) run
in the same transaction through `also`, so they commit or roll back with the events.

The executor's database claims the idempotency key of the request being executed in
every write transaction (shared/idempotency.py): in the one that appends the events, and
in those a use case opens itself on `commands.db` for writes without events.

A consumer's policy (an event of one context causing a command in another) takes the
same path inside the consumer's transaction: `decide_and_append`. Whoever appends, the
events are counted and the relay is woken once the transaction has committed
(`shared.db.after_commit`), never before and never for a rolled-back one.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic

from sqlalchemy.ext.asyncio import AsyncConnection

from shared import idempotency, metrics
from shared.db import Database, Wake, after_commit
from shared.decider import C, Decider, E, S
from shared.envelope import CommandContext, DomainEvent, Envelope
from shared.eventstore.store import ConcurrencyConflict, EventStore

ATTEMPTS = 5


@dataclass(frozen=True)
class Outcome(Generic[S]):
    state: S
    envelopes: list[Envelope]
    version: int


async def load_state(
    conn: AsyncConnection, store: EventStore, decider: Decider[C, E, S], stream_id: str
) -> tuple[S, int]:
    """A stream's current state and version (0: no such stream), inside `conn`'s
    transaction — for the executor and for policies deciding in a consumer's transaction."""
    history = await store.load(conn, stream_id)
    return decider.fold(r.event for r in history), len(history)  # type: ignore[misc]


async def decide_and_append(
    conn: AsyncConnection,
    store: EventStore,
    decider: Decider[C, E, S],
    stream_id: str,
    command: C,
    context: CommandContext,
    provider: Callable[[S], str | None],
    *,
    loaded: tuple[S, int] | None = None,
) -> Outcome[S]:
    """Decide `command` on the stream's state and append what it decides, inside `conn`'s
    transaction (a `Database.transaction()`); `provider` names the provider of the new
    state. `loaded`: the state and version the caller loaded in this transaction already.
    Raises `ConcurrencyConflict` when another writer appended to the stream first."""
    state, version = loaded or await load_state(conn, store, decider, stream_id)
    new_events = list(decider.decide(command, state))
    for event in new_events:
        state = decider.evolve(state, event)
    envelopes = await store.append(
        conn,
        stream_id=stream_id,
        expected_version=version,
        new_events=[e for e in new_events if isinstance(e, DomainEvent)],
        context=context,
        provider=provider(state),
    )
    if envelopes:
        after_commit(conn, lambda db: _committed(db, envelopes))
    return Outcome(state, envelopes, version + len(envelopes))


def _committed(db: Database, envelopes: list[Envelope]) -> None:
    for envelope in envelopes:
        metrics.EVENTS_APPENDED.labels(envelope.event_type).inc()
    if db.relay is not None:
        db.relay.notify()


class CommandExecutor:
    """Runs commands on `db`. `relay` publishes the database's outbox: it is told after
    every commit that appended events, the executor's and any policy's on `db`."""

    def __init__(self, db: Database, store: EventStore, relay: Wake | None = None) -> None:
        self.db = db
        self.store = store
        if relay is not None:
            db.relay = relay
        idempotency.install(db)

    async def load(self, decider: Decider[C, E, S], stream_id: str) -> tuple[S, int]:
        """The current state of a stream and its version (0: no such stream)."""
        async with self.db.read() as conn:
            return await load_state(conn, self.store, decider, stream_id)

    async def execute(
        self,
        decider: Decider[C, E, S],
        stream_id: str,
        command: C,
        context: CommandContext,
        *,
        provider: Callable[[S], str | None],
        also: Callable[[AsyncConnection, S], Awaitable[None]] | None = None,
    ) -> Outcome[S]:
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return await self._once(decider, stream_id, command, context, provider, also)
            except ConcurrencyConflict:
                if attempt == ATTEMPTS:
                    metrics.COMMAND_CONFLICTS.labels("gave_up").inc()
                    raise
                metrics.COMMAND_CONFLICTS.labels("retried").inc()
                # Jitter, so two writers that collided do not collide again in step.
                await asyncio.sleep(random.uniform(0, 0.01 * attempt))
        raise AssertionError("unreachable")

    async def _once(
        self,
        decider: Decider[C, E, S],
        stream_id: str,
        command: C,
        context: CommandContext,
        provider: Callable[[S], str | None],
        also: Callable[[AsyncConnection, S], Awaitable[None]] | None,
    ) -> Outcome[S]:
        async with self.db.transaction() as conn:
            outcome = await decide_and_append(
                conn, self.store, decider, stream_id, command, context, provider
            )
            if also is not None:
                await also(conn, outcome.state)
        return outcome
