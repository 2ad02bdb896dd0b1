"""Learns from intake's events which households are restricted (Art. 18 DSGVO).

Applied inside the consumer's transaction like every projection, so a redelivered event
changes nothing. An aftercare offer of a restricted household drops out of every list
but a coordinator's (`aftercare.py`); the offer itself and every figure stay as they are.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncConnection

from services.prevention.adapters import restrictions
from shared.clock import business_day
from shared.contracts.intake import ProcessingRestricted, RestrictionLifted
from shared.eventstore.store import RecordedEvent

CONSUMER = "prevention-restrictions"
# One filter subject only (nats-server 2.9 ignores several): intake's events, most skipped.
SUBJECTS = "auszug.intake.*"


class RestrictionProjection:
    async def apply(self, conn: AsyncConnection, batch: Sequence[RecordedEvent]) -> None:
        for recorded in batch:
            municipality, event = recorded.envelope.municipality, recorded.event
            match event:
                case ProcessingRestricted():
                    day = business_day(event.occurred_at)
                    await restrictions.restrict(conn, municipality, event.household_id, day)
                case RestrictionLifted():
                    await restrictions.lift(conn, municipality, event.household_id)
                case _:
                    pass
