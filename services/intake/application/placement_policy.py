"""Policy: a completed placement deregisters the household (reason moved_out_via_placement);
a retraction of that placement revokes the deregistration again.

Runs inside the consumer's transaction, through the household decider like any command,
so the new event and the consumer's record of having applied the placement event commit
together: a redelivered event changes nothing. A household deregistered already (moved
on its own before, or this event seen before) is left as it is. A retraction revokes
only the deregistration that this very placement caused (its offer is recorded on the
deregistration); any other deregistration stays, and the log says why.
"""

from __future__ import annotations

from collections.abc import Sequence

import structlog
from sqlalchemy.ext.asyncio import AsyncConnection

from services.intake.adapters.directory import sync_directory
from services.intake.domain import household as hh
from services.intake.domain import household_commands as cmd
from shared.application import decide_and_append, load_state
from shared.clock import business_day, today
from shared.contracts.intake import DeregistrationReason
from shared.contracts.placement import PlacementCompleted, PlacementRetracted
from shared.envelope import CommandContext, Envelope
from shared.eventstore.store import EventStore, RecordedEvent

log = structlog.get_logger(__name__)

CONSUMER = "intake-placements"
# One filter for both events: nats-server 2.9 ignores several filter subjects.
SUBJECTS = "auszug.placement.*"
ACTOR = "system:intake"


class PlacementPolicy:
    event_types = (PlacementCompleted, PlacementRetracted)

    def __init__(self, store: EventStore) -> None:
        self.store = store

    async def apply(self, conn: AsyncConnection, batch: Sequence[RecordedEvent]) -> None:
        for recorded in batch:
            if isinstance(recorded.event, PlacementCompleted):
                await self._deregister(conn, recorded.envelope, recorded.event)
            elif isinstance(recorded.event, PlacementRetracted):
                await self._revoke(conn, recorded.envelope, recorded.event)

    async def _deregister(
        self, conn: AsyncConnection, envelope: Envelope, placed: PlacementCompleted
    ) -> None:
        stream_id = hh.stream_id(envelope.municipality, placed.household_id)
        state, version = await load_state(conn, self.store, hh.household, stream_id)
        if state.deregistered:
            log.info("placed household was deregistered already", stream_id=stream_id)
            return
        # An unknown household raises NotFound: retried, then dead-lettered, never dropped.
        command = cmd.DeregisterHousehold(
            reason=DeregistrationReason.moved_out_via_placement,
            deregistered_on=placed.moved_on,
            today=today(),
            offer_id=placed.offer_id,
        )
        await self._append(conn, envelope, stream_id, command, (state, version))

    async def _revoke(
        self, conn: AsyncConnection, envelope: Envelope, retracted: PlacementRetracted
    ) -> None:
        stream_id = hh.stream_id(envelope.municipality, retracted.household_id)
        state, version = await load_state(conn, self.store, hh.household, stream_id)
        if not state.deregistered:
            log.info("retracted placement: household is not deregistered", stream_id=stream_id)
            return
        if (
            state.deregistration_reason is not DeregistrationReason.moved_out_via_placement
            or state.deregistered_via_offer != retracted.offer_id
        ):
            log.info(
                "retracted placement did not cause the deregistration; it stays",
                stream_id=stream_id,
                reason=state.deregistration_reason,
                offer_id=str(retracted.offer_id),
            )
            return
        if state.erased:
            log.info(
                "retracted placement: household erased, stays deregistered", stream_id=stream_id
            )
            return
        command = cmd.RevokeDeregistration(
            offer_id=retracted.offer_id,
            revoked_on=business_day(retracted.occurred_at),
            today=today(),
        )
        await self._append(conn, envelope, stream_id, command, (state, version))

    async def _append(
        self,
        conn: AsyncConnection,
        envelope: Envelope,
        stream_id: str,
        command: cmd.Command,
        loaded: tuple[hh.Household, int],
    ) -> None:
        outcome = await decide_and_append(
            conn,
            self.store,
            hh.household,
            stream_id,
            command,
            CommandContext.caused_by(envelope, ACTOR),
            lambda state: state.provider,
            loaded=loaded,
        )
        # A placement deregisters (its retraction re-registers): the directory shows it.
        await sync_directory(conn, envelope.municipality, outcome.state)
