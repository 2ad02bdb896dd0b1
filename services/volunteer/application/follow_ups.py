"""Written follow-ups (Wiedervorlagen) on a volunteer: the kernel
(shared/casework/followups.py) wired with volunteer's events, its table and its scope.

Staff's alone (access.py): the coordination every volunteer of the municipality, a
caseworker their own provider's (404 for another's), the admin reads. The volunteer
themself never reads what staff plan about them (403 by role). No new one on a volunteer
whose personal data are erased; an open one can still be settled.
"""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters.tables import follow_ups
from services.volunteer.application import access
from services.volunteer.domain import volunteer as vo
from shared.application import CommandExecutor, load_state
from shared.casework.followups import FollowUpEvents, FollowUps, Intent, Subject
from shared.contracts.followups import SubjectKind
from shared.contracts.volunteer.events import (
    VolunteerFollowUpCompleted,
    VolunteerFollowUpPostponed,
    VolunteerFollowUpReassigned,
    VolunteerFollowUpScheduled,
)
from shared.decider import NotFound, RuleViolation
from shared.identity import Caller

EVENTS = FollowUpEvents(
    scheduled=VolunteerFollowUpScheduled,
    reassigned=VolunteerFollowUpReassigned,
    postponed=VolunteerFollowUpPostponed,
    completed=VolunteerFollowUpCompleted,
)
NOT_FOUND = "Ehrenamtliche/r nicht gefunden."
ERASED = (
    "Die Daten dieser/dieses Ehrenamtlichen sind gelöscht; eine Wiedervorlage ist nicht "
    "mehr möglich."
)


def volunteer_follow_ups(commands: CommandExecutor) -> FollowUps:
    store = commands.store

    async def scope(
        conn: AsyncConnection, caller: Caller, kind: SubjectKind, subject_id: UUID, intent: Intent
    ) -> Subject:
        if intent == "read":
            access.require_reader(caller)
        else:
            access.require_manager(caller)
        state, _ = await load_state(
            conn, store, vo.volunteer, vo.stream_id(caller.municipality, subject_id)
        )
        if not state.registered or state.provider is None:
            raise NotFound("volunteer", NOT_FOUND)
        access.require_visible(caller, state.provider, "volunteer", NOT_FOUND)
        if intent == "create" and state.erased_on is not None:
            raise RuleViolation("volunteer_erased", ERASED)
        return Subject(household_id=None, provider=state.provider)

    kinds = frozenset({SubjectKind.volunteer})
    return FollowUps(commands, follow_ups, EVENTS, kinds, scope)
