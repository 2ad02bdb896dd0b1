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
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic

from sqlalchemy.ext.asyncio import AsyncConnection

from shared import idempotency, metrics
from shared.db import Database
from shared.decider import C, Decider, E, S
from shared.envelope import CommandContext, DomainEvent, Envelope
from shared.eventstore.store import ConcurrencyConflict, EventStore
from shared.relay import OutboxRelay

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


class CommandExecutor:
    def __init__(self, db: Database, store: EventStore, relay: OutboxRelay) -> None:
        self.db = db
        self.store = store
        self.relay = relay
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
            state, version = await load_state(conn, self.store, decider, stream_id)
            new_events = list(decider.decide(command, state))
            for event in new_events:
                state = decider.evolve(state, event)
            envelopes = await self.store.append(
                conn,
                stream_id=stream_id,
                expected_version=version,
                new_events=[e for e in new_events if isinstance(e, DomainEvent)],
                context=context,
                provider=provider(state),
            )
            if also is not None:
                await also(conn, state)
        for envelope in envelopes:
            metrics.EVENTS_APPENDED.labels(envelope.event_type).inc()
        if envelopes:
            self.relay.notify()
        return Outcome(state, envelopes, version + len(envelopes))
