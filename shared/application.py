"""The write path every command takes: load → fold → decide → append with outbox → commit.

Extra writes of the same command (personal-data rows, which never go into events) run
in the same transaction through `also`, so they commit or roll back with the events.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic

from sqlalchemy.ext.asyncio import AsyncConnection

from shared import metrics
from shared.db import Database
from shared.decider import C, Decider, E, S
from shared.envelope import CommandContext, DomainEvent, Envelope
from shared.eventstore.store import EventStore
from shared.relay import OutboxRelay


@dataclass(frozen=True)
class Outcome(Generic[S]):
    state: S
    envelopes: list[Envelope]
    version: int


class CommandExecutor:
    def __init__(self, db: Database, store: EventStore, relay: OutboxRelay) -> None:
        self.db = db
        self.store = store
        self.relay = relay

    async def load(self, decider: Decider[C, E, S], stream_id: str) -> tuple[S, int]:
        """The current state of a stream and its version (0: no such stream)."""
        async with self.db.read() as conn:
            history = await self.store.load(conn, stream_id)
        return decider.fold(r.event for r in history), len(history)  # type: ignore[misc]

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
        async with self.db.transaction() as conn:
            history = await self.store.load(conn, stream_id)
            state = decider.fold(r.event for r in history)  # type: ignore[misc]
            new_events = list(decider.decide(command, state))
            for event in new_events:
                state = decider.evolve(state, event)
            envelopes = await self.store.append(
                conn,
                stream_id=stream_id,
                expected_version=len(history),
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
        return Outcome(state, envelopes, len(history) + len(envelopes))
