"""Written follow-ups (Wiedervorlagen) on a household or an inquiry: the kernel
(shared/casework/followups.py) wired with intake's events, its table and its scope.

- household: the coordination, and the caseworkers of the household's provider; a
  restricted household only the coordination (access.py); an admin reads. No new one on
  an erased household (nothing left to follow up), while an open one can still be settled.
- inquiry: the central inbox's roles (the coordination).
"""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from services.intake.adapters.tables import follow_ups
from services.intake.application import access
from services.intake.application.inquiries import ACTION as INBOX_ACTION
from services.intake.domain import household as hh
from services.intake.domain import inquiry as iq
from shared.application import CommandExecutor, load_state
from shared.casework.followups import FollowUpEvents, FollowUps, Intent, Subject
from shared.contracts.followups import SubjectKind
from shared.contracts.intake import (
    IntakeFollowUpCompleted,
    IntakeFollowUpPostponed,
    IntakeFollowUpReassigned,
    IntakeFollowUpScheduled,
)
from shared.decider import NotFound, RuleViolation
from shared.eventstore.store import EventStore
from shared.identity import Caller

EVENTS = FollowUpEvents(
    scheduled=IntakeFollowUpScheduled,
    reassigned=IntakeFollowUpReassigned,
    postponed=IntakeFollowUpPostponed,
    completed=IntakeFollowUpCompleted,
)
KINDS = frozenset({SubjectKind.household, SubjectKind.inquiry})
ERASED = "Die Daten dieses Haushalts sind gelöscht; eine Wiedervorlage ist nicht mehr möglich."


def intake_follow_ups(commands: CommandExecutor) -> FollowUps:
    store = commands.store

    async def scope(
        conn: AsyncConnection,
        caller: Caller,
        kind: SubjectKind,
        subject_id: UUID,
        intent: Intent,
    ) -> Subject:
        if kind is SubjectKind.inquiry:
            access.require_coordinator(caller, INBOX_ACTION)  # whatever the intent
            state, _ = await load_state(
                conn, store, iq.inquiry, iq.stream_id(caller.municipality, subject_id)
            )
            if not state.received:
                raise NotFound("inquiry", "Anfrage nicht gefunden.")
            return Subject(household_id=None, provider=None)
        return await _household(conn, store, caller, subject_id, intent)

    return FollowUps(commands, follow_ups, EVENTS, KINDS, scope)


async def _household(
    conn: AsyncConnection, store: EventStore, caller: Caller, household_id: UUID, intent: Intent
) -> Subject:
    access.require_reader(caller)
    state, _ = await load_state(
        conn, store, hh.household, hh.stream_id(caller.municipality, household_id)
    )
    access.require_visible(caller, state)
    if intent != "read":
        access.require_staff(caller)
    if intent == "create" and state.erased:
        raise RuleViolation("household_erased", ERASED)
    return Subject(household_id=household_id, provider=state.provider)
