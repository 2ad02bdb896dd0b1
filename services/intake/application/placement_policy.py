"""Policy: a completed placement deregisters the household (reason moved_out_via_placement).

Runs inside the consumer's transaction, through the household decider like any command,
so the deregistration and the consumer's record of having applied the placement event
commit together. A household deregistered already (moved on its own before, or this
event seen before) is left as it is.
"""

from __future__ import annotations

from collections.abc import Sequence

import structlog
from sqlalchemy.ext.asyncio import AsyncConnection

from services.intake.domain import household as hh
from services.intake.domain import household_commands as cmd
from shared.application import load_state
from shared.clock import today
from shared.contracts.intake import DeregistrationReason
from shared.contracts.placement import PlacementCompleted
from shared.envelope import CommandContext, Envelope
from shared.eventstore.store import EventStore, RecordedEvent

log = structlog.get_logger(__name__)

CONSUMER = "intake-placements"
ACTOR = "system:intake"


class PlacementPolicy:
    def __init__(self, store: EventStore) -> None:
        self.store = store

    async def apply(self, conn: AsyncConnection, batch: Sequence[RecordedEvent]) -> None:
        for recorded in batch:
            if isinstance(recorded.event, PlacementCompleted):
                await self._deregister(conn, recorded.envelope, recorded.event)

    async def _deregister(
        self, conn: AsyncConnection, envelope: Envelope, placed: PlacementCompleted
    ) -> None:
        stream_id = hh.stream_id(envelope.municipality, placed.household_id)
        state, version = await load_state(conn, self.store, hh.household, stream_id)
        if state.deregistered:
            log.info("placed household was deregistered already", stream_id=stream_id)
            return
        # An unknown household raises NotFound: retried, then dead-lettered, never dropped.
        events = hh.household.decide(
            cmd.DeregisterHousehold(
                reason=DeregistrationReason.moved_out_via_placement,
                deregistered_on=placed.moved_on,
                today=today(),
            ),
            state,
        )
        await self.store.append(
            conn,
            stream_id=stream_id,
            expected_version=version,
            new_events=events,
            context=CommandContext.caused_by(envelope, ACTOR),
            provider=state.provider,
        )
