"""Volunteer's picture of households, learnt from intake's events.

Volunteer never reads intake's tables: this projection is all it knows about a
household (provider, size, kind of accommodation, registered, deregistered), enough to
check a tandem's household and to show a volunteer the minimal view of it.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters.tables import known_households
from shared.clock import business_day
from shared.contracts.intake import (
    AccommodationChanged,
    HouseholdCompositionChanged,
    HouseholdDeregistered,
    HouseholdHandedOver,
    HouseholdRegistered,
)
from shared.eventstore.store import RecordedEvent

CONSUMER = "volunteer-households"
SUBJECTS = "auszug.intake.*"


class HouseholdProjection:
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
                case _:
                    continue
            await conn.execute(
                update(h)
                .where(h.c.household_id == event.household_id, h.c.municipality == municipality)
                .values(**values)
            )
