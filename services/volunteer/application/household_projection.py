"""Volunteer's picture of households, learnt from intake's events.

Volunteer never reads intake's tables: this projection is all it knows about a
household (provider, size, kind of accommodation, registered, deregistered, restricted
under Art. 18 DSGVO) and its
consents (ids, purpose codes, days), enough to check a tandem's household and consent
and to show a volunteer the minimal view of it. A withdrawn `volunteer_tandem` consent
also ends the tandem resting on it (consent_policy.py), in the same transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters import consents
from services.volunteer.adapters.tables import known_households
from services.volunteer.application.consent_policy import ConsentPolicy
from shared.clock import business_day
from shared.contracts.intake import (
    AccommodationChanged,
    HouseholdCompositionChanged,
    HouseholdConsentGiven,
    HouseholdConsentWithdrawn,
    HouseholdDeregistered,
    HouseholdDeregistrationRevoked,
    HouseholdHandedOver,
    HouseholdRegistered,
    ProcessingRestricted,
    RestrictionLifted,
)
from shared.eventstore.store import EventStore, RecordedEvent

CONSUMER = "volunteer-households"
SUBJECTS = "auszug.intake.*"


class HouseholdProjection:
    def __init__(self, store: EventStore) -> None:
        self.consent_policy = ConsentPolicy(store)

    async def apply(self, conn: AsyncConnection, batch: Sequence[RecordedEvent]) -> None:
        h = known_households
        for recorded in batch:
            municipality = recorded.envelope.municipality
            event = recorded.event
            values: dict[str, object]
            match event:
                case HouseholdRegistered():
                    await conn.execute(
                        insert(h).values(
                            household_id=event.household_id,
                            municipality=municipality,
                            provider=event.provider,
                            adults=event.adults,
                            minors=event.minors,
                            accommodation_kind=event.accommodation_kind.value,
                            registered_on=business_day(event.occurred_at),
                        )
                    )
                    continue
                case HouseholdCompositionChanged():
                    values = {"adults": event.adults, "minors": event.minors}
                case AccommodationChanged():
                    values = {"accommodation_kind": event.accommodation_kind.value}
                case HouseholdHandedOver():
                    values = {"provider": event.to_provider}
                case HouseholdDeregistered():
                    values = {"deregistered_on": business_day(event.occurred_at)}
                case HouseholdDeregistrationRevoked():
                    # Its placement was retracted: in move-out management again.
                    values = {"deregistered_on": None}
                case ProcessingRestricted():
                    # Restriction is not erasure: tandems stay, only who sees them changes.
                    values = {"restricted_on": business_day(event.occurred_at)}
                case RestrictionLifted():
                    values = {"restricted_on": None}
                case HouseholdConsentGiven():
                    await consents.given(
                        conn,
                        municipality,
                        event.household_id,
                        event.consent_id,
                        event.purpose_code,
                        event.given_on,
                    )
                    continue
                case HouseholdConsentWithdrawn():
                    await consents.withdrawn(conn, event.consent_id, event.withdrawn_on)
                    await self.consent_policy.withdrawn(conn, recorded.envelope, event)
                    continue
                case _:
                    continue
            await conn.execute(
                update(h)
                .where(h.c.household_id == event.household_id, h.c.municipality == municipality)
                .values(**values)
            )
