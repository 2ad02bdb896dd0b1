"""Policy: a placement counts as volunteer-supported when a tandem of the household was
active on the lease day (formed on or before it, not ended before it).

Runs inside the consumer's transaction, through the tandems decider like any command:
the `PlacementSupportConfirmed` it appends, the placement it remembers (for a tandem
recorded only later) and the consumer's record of having applied the event commit
together. The decider ignores a placement it confirmed before, so a redelivery, or the
same event republished past JetStream's de-duplication, confirms nothing twice.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters.tables import household_placements
from services.volunteer.domain import tandems as td
from services.volunteer.domain.tandem_commands import ConfirmPlacementSupport, Placement
from shared.application import decide_and_append
from shared.clock import business_day
from shared.contracts.placement import PlacementCompleted
from shared.envelope import CommandContext, Envelope
from shared.eventstore.store import EventStore, RecordedEvent

CONSUMER = "volunteer-placements"
ACTOR = "system:volunteer"


class PlacementPolicy:
    def __init__(self, store: EventStore) -> None:
        self.store = store

    async def apply(self, conn: AsyncConnection, batch: Sequence[RecordedEvent]) -> None:
        for recorded in batch:
            if isinstance(recorded.event, PlacementCompleted):
                await self._confirm(conn, recorded.envelope, recorded.event)

    async def _confirm(
        self, conn: AsyncConnection, envelope: Envelope, placed: PlacementCompleted
    ) -> None:
        placement = Placement(
            placement_event_id=envelope.event_id,
            offer_id=placed.offer_id,
            provider=placed.provider,
            adults=placed.adults,
            minors=placed.minors,
            lease_signed_on=business_day(placed.occurred_at),
        )
        await _remember(conn, envelope.municipality, placed, placement)
        stream_id = td.stream_id(envelope.municipality, placed.household_id)
        await decide_and_append(
            conn,
            self.store,
            td.tandems,
            stream_id,
            ConfirmPlacementSupport(placement),
            CommandContext.caused_by(envelope, ACTOR),
            lambda _: placed.provider,
        )


async def _remember(
    conn: AsyncConnection, municipality: str, placed: PlacementCompleted, placement: Placement
) -> None:
    p = household_placements
    known = await conn.execute(
        select(p.c.placement_event_id).where(p.c.placement_event_id == placement.placement_event_id)
    )
    if known.first() is not None:
        return
    await conn.execute(
        insert(p).values(
            placement_event_id=placement.placement_event_id,
            municipality=municipality,
            household_id=placed.household_id,
            offer_id=placement.offer_id,
            provider=placement.provider,
            adults=placement.adults,
            minors=placement.minors,
            lease_signed_on=placement.lease_signed_on,
        )
    )
