"""Policy: when intake erases a household's personal data, volunteer erases its own.

Volunteer holds names and birth dates of the household's people who attended workshops
(`attendee_details`). Deleting is idempotent: a redelivered `PersonalDataErased` finds
nothing left. Tandems, consultations and certificates keep their ids and codes, so every
figure stays. Certificates of erased attendees show no name any more.
"""

from __future__ import annotations

from collections.abc import Sequence

import structlog
from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters.erasure import attendees_of_household, erase_attendees
from services.volunteer.adapters.purge import Purger
from shared.contracts.intake import ErasureSubject, PersonalDataErased
from shared.eventstore.store import RecordedEvent

log = structlog.get_logger(__name__)

CONSUMER = "volunteer-erasure"


class ErasurePolicy:
    def __init__(self, purger: Purger) -> None:
        self.purger = purger

    async def apply(self, conn: AsyncConnection, batch: Sequence[RecordedEvent]) -> None:
        deleted = 0
        for recorded in batch:
            event = recorded.event
            if isinstance(event, PersonalDataErased) and (
                event.subject_kind is ErasureSubject.household
            ):
                attendees = await attendees_of_household(
                    conn, recorded.envelope.municipality, event.subject_id
                )
                deleted += await erase_attendees(conn, attendees)
                log.info(
                    "household's personal data erased",
                    event_id=str(recorded.envelope.event_id),
                    attendees=len(attendees),
                )
        if deleted:
            self.purger.request()
