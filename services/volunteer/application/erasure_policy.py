"""Policy: when intake erases a household's personal data, or one member's, volunteer
erases its own.

Volunteer holds names and birth dates of the household's people who attended workshops
(`attendee_details`): all of the household's on a household erasure (and the places of
its consultation appointments); on a member
erasure, the attendees staff recorded as that member (`member_id`). Deleting is
idempotent: a redelivered `PersonalDataErased` finds nothing left. Tandems,
consultations and certificates keep their ids and codes, so every figure stays.
Certificates of erased attendees show no name any more.
"""

from __future__ import annotations

from collections.abc import Sequence

import structlog
from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters.consultation_appointments import forget_places_of_household
from services.volunteer.adapters.erasure import (
    attendees_of_household,
    attendees_of_member,
    erase_attendees,
)
from shared.contracts.intake import ErasureSubject, PersonalDataErased
from shared.eventstore.store import RecordedEvent
from shared.purge import Purger

log = structlog.get_logger(__name__)

CONSUMER = "volunteer-erasure"


class ErasurePolicy:
    def __init__(self, purger: Purger) -> None:
        self.purger = purger

    async def apply(self, conn: AsyncConnection, batch: Sequence[RecordedEvent]) -> None:
        deleted = 0
        for recorded in batch:
            event = recorded.event
            if not isinstance(event, PersonalDataErased):
                continue
            municipality = recorded.envelope.municipality
            if event.subject_kind is ErasureSubject.household:
                attendees = await attendees_of_household(conn, municipality, event.subject_id)
                # Where its consultations are to take place (a private address, maybe).
                deleted += await forget_places_of_household(conn, municipality, event.subject_id)
            else:
                attendees = await attendees_of_member(conn, municipality, event.subject_id)
            deleted += await erase_attendees(conn, attendees)
            log.info(
                "personal data erased",
                subject=event.subject_kind.value,
                event_id=str(recorded.envelope.event_id),
                attendees=len(attendees),
            )
        if deleted:
            self.purger.request()
