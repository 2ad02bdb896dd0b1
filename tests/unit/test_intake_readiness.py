"""Housing-readiness assessments (Wohnfähigkeit): criteria, result, day, history."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from services.intake.domain.household import household
from services.intake.domain.household_commands import AssessHousingReadiness
from shared.clock import business_time
from shared.contracts.intake import (
    CriterionRating,
    DeregistrationReason,
    HouseholdDeregistered,
    HousingReadinessAssessed,
    ReadinessCriterion,
    ReadinessResult,
)
from shared.decider import NotFound, RuleViolation
from shared.testing import given
from support.builders.household import DAY, HID, TODAY, registered

AID = UUID("00000000-0000-4000-8000-00000000000a")
MET, PARTLY, NOT_MET = CriterionRating.met, CriterionRating.partly, CriterionRating.not_met


def ratings(**overrides: CriterionRating) -> dict[ReadinessCriterion, CriterionRating]:
    return {c: overrides.get(c.value, MET) for c in ReadinessCriterion}


def assess(
    result: ReadinessResult = ReadinessResult.ready,
    on: date = DAY,
    assessment_id: UUID = AID,
    **criteria: CriterionRating,
) -> AssessHousingReadiness:
    return AssessHousingReadiness(
        assessment_id=assessment_id,
        assessed_on=on,
        criteria=tuple(ratings(**criteria).items()),
        result=result,
        today=TODAY,
    )


def assessed(
    result: ReadinessResult = ReadinessResult.ready,
    on: date = DAY,
    assessment_id: UUID = AID,
    **criteria: CriterionRating,
) -> HousingReadinessAssessed:
    return HousingReadinessAssessed(
        household_id=HID,
        assessment_id=assessment_id,
        criteria=ratings(**criteria),
        result=result,
        occurred_at=business_time(on),
    )


def test_an_assessment_records_every_criterion_and_the_result() -> None:
    given(household, registered()).when(assess()).then(assessed())


def test_ready_with_support_allows_criteria_not_met() -> None:
    command = assess(ReadinessResult.ready_with_support, rent_payment=PARTLY, neighbourhood=NOT_MET)
    given(household, registered()).when(command).then(
        assessed(ReadinessResult.ready_with_support, rent_payment=PARTLY, neighbourhood=NOT_MET)
    )


def test_ready_contradicts_a_criterion_not_met() -> None:
    error = (
        given(household, registered())
        .when(assess(ReadinessResult.ready, language_for_contracts=NOT_MET))
        .then_error(RuleViolation, code="inconsistent_result")
    )
    assert "Wohnfähig" in error.message


def test_ready_with_criteria_partly_met_is_the_assessors_call() -> None:
    given(household, registered()).when(assess(tenancy_knowledge=PARTLY)).then(
        assessed(tenancy_knowledge=PARTLY)
    )


def test_the_history_is_kept_and_the_latest_day_counts() -> None:
    first = assessed(ReadinessResult.not_yet, on=date(2020, 1, 5), rent_payment=NOT_MET)
    second = assessed(ReadinessResult.ready, on=date(2020, 1, 12), assessment_id=UUID(int=2))
    # Entered late, but made on an earlier day: it does not override the newer one.
    late = assessed(ReadinessResult.not_yet, on=date(2020, 1, 8), assessment_id=UUID(int=3))
    state = household.fold([registered(), first, second, late])
    assert [a.result for a in state.readiness] == [
        ReadinessResult.not_yet,
        ReadinessResult.ready,
        ReadinessResult.not_yet,
    ]
    assert state.current_readiness is ReadinessResult.ready


def test_assessing_a_deregistered_household_is_a_conflict() -> None:
    gone = HouseholdDeregistered(
        household_id=HID,
        reason=DeregistrationReason.moved_out_via_placement,
        adults=2,
        minors=2,
        occurred_at=business_time(DAY),
    )
    given(household, registered(), gone).when(assess()).then_error(
        RuleViolation, code="deregistered"
    )


def test_an_assessment_in_the_future_or_before_registration_is_refused() -> None:
    given(household, registered()).when(assess(on=date(2020, 1, 16))).then_error(
        RuleViolation, code="in_future"
    )
    given(household, registered()).when(assess(on=date(2019, 1, 16))).then_error(
        RuleViolation, code="before_registration"
    )


def test_an_unknown_household_cannot_be_assessed() -> None:
    given(household).when(assess()).then_error(NotFound, code="household")
