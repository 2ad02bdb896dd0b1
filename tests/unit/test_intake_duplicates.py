"""Possible duplicates: flagged on registration, linked or kept apart, and undone."""

from __future__ import annotations

from uuid import UUID

from services.intake.domain.household import household
from services.intake.domain.household_commands import (
    DismissDuplicate,
    LinkAsDuplicate,
    RevokeDuplicateDecision,
)
from shared.clock import business_time
from shared.contracts.intake import (
    DuplicateDecisionRevoked,
    DuplicateDismissed,
    DuplicateStatus,
    HouseholdsLinkedAsDuplicate,
    PossibleDuplicateFlagged,
)
from shared.decider import NotFound, RuleViolation
from shared.testing import given
from support.builders.household import HID, OTHER, TODAY, registered

AT = business_time(TODAY)
flagged = PossibleDuplicateFlagged(
    household_id=HID, other_household_id=OTHER, occurred_at=registered().occurred_at
)
linked = HouseholdsLinkedAsDuplicate(household_id=HID, other_household_id=OTHER, occurred_at=AT)
dismissed = DuplicateDismissed(household_id=HID, other_household_id=OTHER, occurred_at=AT)


def test_a_coordinator_links_a_flagged_pair() -> None:
    given(household, registered(), flagged).when(LinkAsDuplicate(OTHER, TODAY)).then(linked)


def test_a_coordinator_keeps_a_flagged_pair_apart() -> None:
    given(household, registered(), flagged).when(DismissDuplicate(OTHER, TODAY)).then(dismissed)


def test_a_pair_that_was_never_flagged_cannot_be_decided() -> None:
    given(household, registered()).when(LinkAsDuplicate(OTHER, TODAY)).then_error(
        NotFound, code="duplicate"
    )
    given(household, registered(), flagged).when(DismissDuplicate(UUID(int=99), TODAY)).then_error(
        NotFound, code="duplicate"
    )


def test_a_decided_pair_must_be_revoked_before_deciding_again() -> None:
    given(household, registered(), flagged, linked).when(DismissDuplicate(OTHER, TODAY)).then_error(
        RuleViolation, code="already_decided"
    )
    given(household, registered(), flagged, dismissed).when(
        LinkAsDuplicate(OTHER, TODAY)
    ).then_error(RuleViolation, code="already_decided")


def test_revoking_a_link_names_what_was_revoked() -> None:
    given(household, registered(), flagged, linked).when(
        RevokeDuplicateDecision(OTHER, TODAY)
    ).then(
        DuplicateDecisionRevoked(
            household_id=HID,
            other_household_id=OTHER,
            revoked=DuplicateStatus.linked,
            occurred_at=AT,
        )
    )


def test_after_revoking_the_pair_can_be_decided_anew() -> None:
    revoked = DuplicateDecisionRevoked(
        household_id=HID,
        other_household_id=OTHER,
        revoked=DuplicateStatus.dismissed,
        occurred_at=AT,
    )
    given(household, registered(), flagged, dismissed, revoked).when(
        LinkAsDuplicate(OTHER, TODAY)
    ).then(linked)


def test_an_open_flag_has_no_decision_to_revoke() -> None:
    given(household, registered(), flagged).when(RevokeDuplicateDecision(OTHER, TODAY)).then_error(
        RuleViolation, code="nothing_to_revoke"
    )


def test_the_state_follows_each_decision() -> None:
    assert household.fold([registered(), flagged]).duplicate_status(OTHER) is DuplicateStatus.open
    assert (
        household.fold([registered(), flagged, linked]).duplicate_status(OTHER)
        is DuplicateStatus.linked
    )
    assert household.fold([registered()]).duplicate_status(OTHER) is None


def test_decisions_on_an_unknown_household_are_not_found() -> None:
    given(household).when(LinkAsDuplicate(OTHER, TODAY)).then_error(NotFound, code="household")
