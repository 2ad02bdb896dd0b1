"""Erasure and restriction on intake's household decider: given events, when, then."""

from __future__ import annotations

from services.intake.domain.household import household
from services.intake.domain.household_commands import (
    LiftRestriction,
    RestrictProcessing,
)
from shared.clock import business_time
from shared.contracts.intake import (
    HouseholdDeregistered,
    PersonalDataErased,
    RestrictionLifted,
    RestrictionReason,
)
from shared.decider import NotFound, RuleViolation
from shared.testing import given
from support.builders.household import (
    ERASE,
    HID,
    TODAY,
    deregister,
    erased,
    move,
    registered,
    restricted,
)

RESTRICT = RestrictProcessing(reason=RestrictionReason.retention_duty, today=TODAY)
LIFT = LiftRestriction(today=TODAY)


def test_erasing_a_household_records_subject_scope_and_ground_only() -> None:
    given(household, registered()).when(ERASE).then(erased())
    assert set(PersonalDataErased.model_fields) == {
        "occurred_at",
        "subject_kind",
        "subject_id",
        "scope",
        "ground",
        "household_id",
    }


def test_an_unknown_household_cannot_be_erased() -> None:
    given(household).when(ERASE).then_error(NotFound, code="household")


def test_erasing_twice_is_refused_with_the_day_of_the_first() -> None:
    given(household, registered(), erased()).when(ERASE).then_error(
        RuleViolation, code="already_erased"
    )


def test_a_restricted_household_is_not_erased_until_the_restriction_is_lifted() -> None:
    given(household, registered(), restricted()).when(ERASE).then_error(
        RuleViolation, code="restricted"
    )
    lifted = RestrictionLifted(household_id=HID, occurred_at=business_time(TODAY))
    given(household, registered(), restricted(), lifted).when(ERASE).then(erased())


def test_an_erased_household_cannot_be_changed_any_more() -> None:
    given(household, registered(), erased()).when(move()).then_error(RuleViolation, code="erased")


def test_an_erased_household_can_still_be_deregistered_so_figures_stay_complete() -> None:
    events = given(household, registered(), erased()).when(deregister())
    events.then(
        HouseholdDeregistered(
            household_id=HID,
            reason=deregister().reason,
            adults=2,
            minors=2,
            occurred_at=business_time(deregister().deregistered_on),
        )
    )


def test_restricting_records_the_reason_and_blocks_changes() -> None:
    given(household, registered()).when(RESTRICT).then(restricted())
    given(household, registered(), restricted()).when(move()).then_error(
        RuleViolation, code="restricted"
    )


def test_restricting_twice_or_after_erasure_is_refused() -> None:
    given(household, registered(), restricted()).when(RESTRICT).then_error(
        RuleViolation, code="already_restricted"
    )
    given(household, registered(), erased()).when(RESTRICT).then_error(
        RuleViolation, code="already_erased"
    )


def test_only_a_restriction_can_be_lifted() -> None:
    given(household, registered()).when(LIFT).then_error(RuleViolation, code="not_restricted")
    given(household, registered(), restricted()).when(LIFT).then(
        RestrictionLifted(household_id=HID, occurred_at=business_time(TODAY))
    )
