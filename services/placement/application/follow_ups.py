"""Written follow-ups (Wiedervorlagen) on an offer: the kernel (shared/casework/followups.py)
wired with placement's events, its table and its scope.

The coordination's alone (the operations admit no other role, and `scope` checks again):
the coordination runs offers, and what it notes as due on one — call the landlord's
contact back, ask for the keys — speaks of the landlord's people and of households of
every provider. A caseworker reads the offer, not these. A follow-up on an offer belongs to
no household and no provider (`Subject(None, None)`): in the due list only the
coordination sees it. An offer that is let, withdrawn or expired still takes one (the
keys handed over, the deposit returned): only an offer that does not exist is refused.

What a household's erasure does to them: application/notes.py.
"""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from services.placement.adapters.tables import follow_ups
from services.placement.application import access
from services.placement.domain import offer as of
from shared.application import CommandExecutor, load_state
from shared.casework.followups import FollowUpEvents, FollowUps, Intent, Subject
from shared.contracts.followups import SubjectKind
from shared.contracts.placement.events import (
    PlacementFollowUpCompleted,
    PlacementFollowUpPostponed,
    PlacementFollowUpReassigned,
    PlacementFollowUpScheduled,
)
from shared.decider import NotFound
from shared.identity import Caller

EVENTS = FollowUpEvents(
    scheduled=PlacementFollowUpScheduled,
    reassigned=PlacementFollowUpReassigned,
    postponed=PlacementFollowUpPostponed,
    completed=PlacementFollowUpCompleted,
)
WHAT = "Wiedervorlagen zu Wohnungsangeboten führen"
OFFER_NOT_FOUND = "Wohnungsangebot nicht gefunden."


def placement_follow_ups(commands: CommandExecutor) -> FollowUps:
    store = commands.store

    async def scope(
        conn: AsyncConnection, caller: Caller, kind: SubjectKind, subject_id: UUID, intent: Intent
    ) -> Subject:
        access.coordinator_only(caller, WHAT)
        state, _ = await load_state(
            conn, store, of.offer, of.stream_id(caller.municipality, subject_id)
        )
        if not state.received:
            raise NotFound("offer", OFFER_NOT_FOUND)
        return Subject(household_id=None, provider=None)

    kinds = frozenset({SubjectKind.offer})
    return FollowUps(commands, follow_ups, EVENTS, kinds, scope)
