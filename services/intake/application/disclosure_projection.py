"""Intake's record of the tandems a household's data went to, from volunteer's events.

Forming a tandem discloses the household to a volunteer: intake, which holds the
household's consents, keeps which tandem it was, from which day, and under which consent
(`TandemFormed` names it), so the disclosures can be shown with the consent in force.
Applied in the consumer's transaction; a redelivered event changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.intake.adapters.tables import tandem_disclosures
from shared.clock import business_day
from shared.contracts.volunteer import TandemEnded, TandemFormed
from shared.eventstore.store import RecordedEvent

CONSUMER = "intake-disclosures"
SUBJECTS = "auszug.volunteer.*"


class DisclosureProjection:
    async def apply(self, conn: AsyncConnection, batch: Sequence[RecordedEvent]) -> None:
        t = tandem_disclosures
        for recorded in batch:
            event = recorded.event
            match event:
                case TandemFormed():
                    known = await conn.execute(
                        select(t.c.tandem_id).where(t.c.tandem_id == event.tandem_id)
                    )
                    if known.first() is not None:
                        continue
                    await conn.execute(
                        insert(t).values(
                            tandem_id=event.tandem_id,
                            municipality=recorded.envelope.municipality,
                            household_id=event.household_id,
                            provider=event.provider,
                            formed_on=business_day(event.occurred_at),
                            consent_id=event.consent_id,
                            consent_given_on=event.consent_given_on,
                        )
                    )
                case TandemEnded():
                    await conn.execute(
                        update(t)
                        .where(t.c.tandem_id == event.tandem_id)
                        .values(ended_on=business_day(event.occurred_at))
                    )
                case _:
                    continue
