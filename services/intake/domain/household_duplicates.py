"""The coordinator's decisions on a possible duplicate flagged at registration. Pure."""

from __future__ import annotations

from services.intake.domain.household_commands import (
    DismissDuplicate,
    LinkAsDuplicate,
    RevokeDuplicateDecision,
)
from services.intake.domain.household_rules import require_registered
from services.intake.domain.household_state import Event, Household
from shared.clock import business_time
from shared.contracts.intake import (
    DuplicateDecisionRevoked,
    DuplicateDismissed,
    DuplicateStatus,
    HouseholdsLinkedAsDuplicate,
)
from shared.decider import NotFound, RuleViolation


def decide_duplicate(
    command: LinkAsDuplicate | DismissDuplicate | RevokeDuplicateDecision, state: Household
) -> list[Event]:
    """Link, keep apart or undo the decision on a pair flagged at registration."""
    require_registered(state)
    assert state.household_id
    status = state.duplicate_status(command.other_household_id)
    if status is None:
        raise NotFound("duplicate", "Für diese beiden Haushalte gibt es keinen Doppelfall-Hinweis.")
    pair = {
        "household_id": state.household_id,
        "other_household_id": command.other_household_id,
        "occurred_at": business_time(command.today),
    }
    if isinstance(command, RevokeDuplicateDecision):
        if status is DuplicateStatus.open:
            raise RuleViolation(
                "nothing_to_revoke", "Über diesen Doppelfall-Hinweis ist noch nicht entschieden."
            )
        return [DuplicateDecisionRevoked(**pair, revoked=status)]
    if status is not DuplicateStatus.open:
        decided = "verknüpft" if status is DuplicateStatus.linked else "getrennt gehalten"
        raise RuleViolation(
            "already_decided",
            f"Diese Haushalte sind bereits als {decided} entschieden. "
            "Bitte die Entscheidung erst zurücknehmen.",
        )
    if isinstance(command, LinkAsDuplicate):
        return [HouseholdsLinkedAsDuplicate(**pair)]
    return [DuplicateDismissed(**pair)]
