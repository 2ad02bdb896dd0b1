"""Placement's picture of the households looking for a flat, learnt from intake's events.

Placement never reads intake's tables: this projection is all it knows about a
household (size, provider, WBS, accessibility, preferred districts, readiness, whether
it is still in move-out management, whether its processing is restricted under Art. 18
DSGVO).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert, or_, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.placement.adapters.tables import candidate_households
from services.placement.application.notes import erase_household_texts
from shared.clock import business_day
from shared.contracts.intake import (
    HouseholdCompositionChanged,
    HouseholdDeregistered,
    HouseholdDeregistrationRevoked,
    HouseholdHandedOver,
    HouseholdNeedsChanged,
    HouseholdRegistered,
    HousingReadinessAssessed,
    PersonalDataErased,
    ProcessingRestricted,
    RestrictionLifted,
)
from shared.eventstore.store import RecordedEvent
from shared.purge import Purger

CONSUMER = "placement-households"
SUBJECTS = "auszug.intake.*"


class HouseholdProjection:
    def __init__(self, purger: Purger | None = None) -> None:
        # Rewrites SQLite's files after an erasure, so no deleted note or document row
        # (its file name) lingers in a free page (shared/purge.py).
        self.purger = purger

    async def apply(self, conn: AsyncConnection, batch: Sequence[RecordedEvent]) -> None:
        h = candidate_households
        for recorded in batch:
            municipality = recorded.envelope.municipality
            event = recorded.event
            day = business_day(event.occurred_at)
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
                            registered_on=day,
                            has_wbs=event.wbs,
                            wbs_valid_until=event.wbs_valid_until,
                            needs_accessible=event.accessible_flat_needed,
                            preferred_districts=list(event.preferred_districts),
                        )
                    )
                    continue
                case HouseholdNeedsChanged():
                    # The whole set of needs replaces what was known; matching follows it.
                    values = {
                        "has_wbs": event.wbs,
                        "wbs_valid_until": event.wbs_valid_until,
                        "needs_accessible": event.accessible_flat_needed,
                        "preferred_districts": list(event.preferred_districts),
                    }
                case HouseholdCompositionChanged():
                    values = {"adults": event.adults, "minors": event.minors}
                case HouseholdHandedOver():
                    values = {"provider": event.to_provider}
                case HouseholdDeregistered():
                    values = {"deregistered_on": day}
                case HouseholdDeregistrationRevoked():
                    # Its placement was retracted: in move-out management again.
                    values = {"deregistered_on": None}
                case ProcessingRestricted():
                    values = {"restricted_on": day}
                case RestrictionLifted():
                    values = {"restricted_on": None}
                case HousingReadinessAssessed():
                    # The latest assessment counts, even if an older one arrives later.
                    await conn.execute(
                        update(h)
                        .where(
                            h.c.household_id == event.household_id,
                            h.c.municipality == municipality,
                            or_(
                                h.c.readiness_assessed_on.is_(None),
                                h.c.readiness_assessed_on <= day,
                            ),
                        )
                        .values(readiness=event.result.value, readiness_assessed_on=day)
                    )
                    continue
                case PersonalDataErased():
                    # An offer's notes may name the household (application/notes.py). Up to
                    # when intake recorded the erasure (`occurred_at` is only its day), so a
                    # replay leaves what was written since.
                    household_id = event.household_id or event.subject_id
                    erased_at = recorded.envelope.recorded_at
                    await erase_household_texts(conn, municipality, household_id, erased_at)
                    if self.purger is not None:
                        self.purger.request()
                    continue
                case _:
                    continue
            await conn.execute(
                update(h)
                .where(h.c.household_id == event.household_id, h.c.municipality == municipality)
                .values(**values)
            )
