"""Written follow-ups (Wiedervorlagen) on a prevention case: the kernel
(shared/casework/followups.py) wired with prevention's events, its table and its scope.

Whoever reads the case acts on its follow-ups (access.py): the housing office and the
coordination every case of the municipality, a caseworker their provider's (404 for
another's). No new one on a case whose personal data are erased; an open one can still
be settled.
"""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from services.prevention.adapters.tables import follow_ups
from services.prevention.application import access
from services.prevention.domain import case as cs
from shared.application import CommandExecutor, load_state
from shared.casework.followups import FollowUpEvents, FollowUps, Intent, Subject
from shared.contracts.followups import SubjectKind
from shared.contracts.prevention.events import (
    PreventionFollowUpCompleted,
    PreventionFollowUpPostponed,
    PreventionFollowUpReassigned,
    PreventionFollowUpScheduled,
)
from shared.decider import RuleViolation
from shared.identity import Caller

EVENTS = FollowUpEvents(
    scheduled=PreventionFollowUpScheduled,
    reassigned=PreventionFollowUpReassigned,
    postponed=PreventionFollowUpPostponed,
    completed=PreventionFollowUpCompleted,
)
ERASED = "Die Daten dieses Falls sind gelöscht; eine Wiedervorlage ist nicht mehr möglich."


def prevention_follow_ups(commands: CommandExecutor) -> FollowUps:
    store = commands.store

    async def scope(
        conn: AsyncConnection, caller: Caller, kind: SubjectKind, subject_id: UUID, intent: Intent
    ) -> Subject:
        access.reader(caller)
        state, _ = await load_state(
            conn, store, cs.case, cs.stream_id(caller.municipality, subject_id)
        )
        access.visible(caller, state)
        if intent == "create" and state.erased_on is not None:
            raise RuleViolation("case_erased", ERASED)
        return Subject(household_id=state.household_id, provider=state.provider)

    kinds = frozenset({SubjectKind.prevention_case})
    return FollowUps(commands, follow_ups, EVENTS, kinds, scope)
