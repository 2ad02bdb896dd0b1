"""Policy: a completed placement offers the household aftercare (Nachbetreuung); a
retracted placement withdraws the offer it caused (the household never moved).

Runs inside the consumer's transaction, through the aftercare decider like any command,
so the offer and the consumer's record of having applied the placement event commit
together. The offer's stream is the household's, so a redelivered or republished
placement event can never open a second offer: a household offered aftercare already is
left as it is, and a concurrent second offer loses on the stream's unique version. A
retraction withdraws only an offer made for the same flat, and only once; an offer the
household accepted is withdrawn too, one it declined stays.
"""

from __future__ import annotations

from collections.abc import Sequence

import structlog
from sqlalchemy.ext.asyncio import AsyncConnection

from services.prevention.adapters.aftercare_offers import index_aftercare
from services.prevention.domain import aftercare as ac
from shared.application import Outcome, decide_and_append, load_state
from shared.clock import business_day
from shared.contracts.placement import PlacementCompleted, PlacementRetracted
from shared.contracts.prevention.codes import AftercareStatus
from shared.envelope import CommandContext, Envelope
from shared.eventstore.store import EventStore, RecordedEvent

log = structlog.get_logger(__name__)

CONSUMER = "prevention-aftercare"
# PlacementCompleted offers aftercare, PlacementRetracted withdraws it; the rest is ignored.
SUBJECTS = "auszug.placement.*"
ACTOR = "system:prevention"


class AftercarePolicy:
    def __init__(self, store: EventStore) -> None:
        self.store = store

    async def apply(self, conn: AsyncConnection, batch: Sequence[RecordedEvent]) -> None:
        for recorded in batch:
            if isinstance(recorded.event, PlacementCompleted):
                await self._offer(conn, recorded.envelope, recorded.event)
            elif isinstance(recorded.event, PlacementRetracted):
                await self._withdraw(conn, recorded.envelope, recorded.event)

    async def _offer(
        self, conn: AsyncConnection, envelope: Envelope, placed: PlacementCompleted
    ) -> None:
        stream_id = ac.stream_id(envelope.municipality, placed.household_id)
        state, version = await load_state(conn, self.store, ac.aftercare, stream_id)
        if state.offered is not None and state.status is not AftercareStatus.withdrawn:
            log.info("aftercare was offered already", stream_id=stream_id)
            return
        command = ac.OfferAftercare(
            household_id=placed.household_id,
            provider=placed.provider,
            adults=placed.adults,
            minors=placed.minors,
            offer_id=placed.offer_id,
            moved_on=placed.moved_on,
            lease_signed_on=business_day(placed.occurred_at),
        )
        outcome = await self._decide(conn, envelope, stream_id, command, (state, version))
        await index_aftercare(conn, envelope.municipality, outcome.state)

    async def _withdraw(
        self, conn: AsyncConnection, envelope: Envelope, retracted: PlacementRetracted
    ) -> None:
        command = ac.WithdrawAftercare(
            offer_id=retracted.offer_id, withdrawn_on=business_day(retracted.occurred_at)
        )
        stream_id = ac.stream_id(envelope.municipality, retracted.household_id)
        outcome = await self._decide(conn, envelope, stream_id, command)
        if not outcome.envelopes:
            log.info("no aftercare offer of this placement to withdraw", stream_id=stream_id)
            return
        await index_aftercare(conn, envelope.municipality, outcome.state)

    async def _decide(
        self,
        conn: AsyncConnection,
        envelope: Envelope,
        stream_id: str,
        command: ac.Command,
        loaded: tuple[ac.Aftercare, int] | None = None,
    ) -> Outcome[ac.Aftercare]:
        return await decide_and_append(
            conn,
            self.store,
            ac.aftercare,
            stream_id,
            command,
            CommandContext.caused_by(envelope, ACTOR),
            lambda state: state.provider,
            loaded=loaded,
        )
