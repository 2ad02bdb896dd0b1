"""The way into a prevention case in the decider: referral, eligibility, the housing
office's admission or rejection, and extending the time limit.

The histories defined here (`REFERRED` … `RUNNING`) are shared by the other decider tests."""

from __future__ import annotations

from datetime import date

from services.prevention.domain import case_commands as cmd
from services.prevention.domain.case import case, stream_id
from shared.contracts.prevention import (
    CaseExtended,
    CaseRejected,
    ComparableHelp,
    EligibilityChecked,
    HousingSituation,
    ReferralSource,
    RejectionReason,
    TargetGroup,
)
from shared.decider import NotFound, RuleViolation
from shared.testing import given
from support.builders.prevention import (
    ADMITTED,
    CHECKED,
    CID,
    ENDS,
    REFERRED,
    RUNNING,
    TODAY,
    at,
    on,
)


def referral(received_on: date = date(2025, 3, 3)) -> cmd.ReceiveReferral:
    return cmd.ReceiveReferral(
        case_id=CID,
        provider="skm",
        source=ReferralSource.jobcenter,
        target_group=TargetGroup.re_admission,
        housing_situation=HousingSituation.requisitioned_flat,
        adults=2,
        minors=2,
        received_on=received_on,
        today=TODAY,
    )


def test_a_referral_opens_the_case() -> None:
    given(case).when(referral()).then(REFERRED)
    assert stream_id("koeln", CID) == f"case:koeln:{CID}"


def test_the_same_referral_twice_is_refused() -> None:
    again = referral(received_on=on(3, 4))
    given(case, REFERRED).when(again).then_error(RuleViolation, "already_referred")


def test_a_referral_in_the_future_is_refused() -> None:
    later = referral(received_on=on(7, 1))
    given(case).when(later).then_error(RuleViolation, "in_future")


def test_eligibility_without_comparable_help_makes_the_case_eligible() -> None:
    given(case, REFERRED).when(cmd.CheckEligibility((), on(3, 5), TODAY)).then(CHECKED)


def test_an_installed_comparable_help_makes_it_ineligible() -> None:
    helps = (ComparableHelp.sgb_viii, ComparableHelp.sgb_xii_67)
    given(case, REFERRED).when(cmd.CheckEligibility(helps, on(3, 5), TODAY)).then(
        EligibilityChecked(case_id=CID, comparable_help=helps, eligible=False, occurred_at=at(3, 5))
    )


def test_eligibility_of_an_unknown_case_is_not_found() -> None:
    given(case).when(cmd.CheckEligibility((), on(3, 5), TODAY)).then_error(NotFound, "case")


def test_eligibility_is_checked_before_the_decision_and_after_the_referral() -> None:
    check = cmd.CheckEligibility((), on(3, 11), TODAY)
    given(case, REFERRED, CHECKED, ADMITTED).when(check).then_error(
        RuleViolation, "already_admitted"
    )
    early = cmd.CheckEligibility((), on(3, 1), TODAY)
    error = given(case, REFERRED).when(early).then_error(RuleViolation, "too_early")
    assert "03.03.2025" in error.message


def test_the_housing_office_admits_with_an_end_date() -> None:
    given(case, REFERRED, CHECKED).when(cmd.AdmitCase(on(3, 10), ENDS, TODAY)).then(ADMITTED)


def test_admission_needs_the_eligibility_check_first() -> None:
    given(case, REFERRED).when(cmd.AdmitCase(on(3, 10), ENDS, TODAY)).then_error(
        RuleViolation, "eligibility_not_checked"
    )


def test_admission_with_a_comparable_help_installed_is_a_conflict() -> None:
    ineligible = EligibilityChecked(
        case_id=CID,
        comparable_help=(ComparableHelp.sgb_xii_67,),
        eligible=False,
        occurred_at=at(3, 5),
    )
    error = given(case, REFERRED, ineligible).when(cmd.AdmitCase(on(3, 10), ENDS, TODAY))
    refused = error.then_error(RuleViolation, "comparable_help_installed")
    assert "§ 67 SGB XII" in refused.message
    # The help ended; a second check finds none: now it can be admitted.
    rechecked = EligibilityChecked(case_id=CID, eligible=True, occurred_at=at(3, 8))
    given(case, REFERRED, ineligible, rechecked).when(cmd.AdmitCase(on(3, 10), ENDS, TODAY)).then(
        ADMITTED
    )


def test_admission_is_decided_once() -> None:
    admit = cmd.AdmitCase(on(3, 11), ENDS, TODAY)
    given(case, *RUNNING).when(admit).then_error(RuleViolation, "already_admitted")
    rejected = CaseRejected(case_id=CID, reason=RejectionReason.other, occurred_at=at(3, 6))
    given(case, REFERRED, CHECKED, rejected).when(admit).then_error(RuleViolation, "case_rejected")


def test_the_time_limit_ends_after_the_admission() -> None:
    given(case, REFERRED, CHECKED).when(cmd.AdmitCase(on(3, 10), on(3, 10), TODAY)).then_error(
        RuleViolation, "ends_before_start"
    )


def test_admission_of_an_unknown_case_is_not_found() -> None:
    given(case).when(cmd.AdmitCase(on(3, 10), ENDS, TODAY)).then_error(NotFound)


def test_the_housing_office_rejects_with_a_reason() -> None:
    reject = cmd.RejectCase(RejectionReason.comparable_help_installed, on(3, 6), TODAY)
    given(case, REFERRED, CHECKED).when(reject).then(
        CaseRejected(
            case_id=CID, reason=RejectionReason.comparable_help_installed, occurred_at=at(3, 6)
        )
    )
    given(case, *RUNNING).when(reject).then_error(RuleViolation, "already_admitted")


def test_the_housing_office_extends_to_a_later_end() -> None:
    given(case, *RUNNING).when(cmd.ExtendCase(date(2025, 12, 31), on(6, 1), TODAY)).then(
        CaseExtended(
            case_id=CID, previous_ends_on=ENDS, ends_on=date(2025, 12, 31), occurred_at=at(6, 1)
        )
    )
    given(case, *RUNNING).when(cmd.ExtendCase(ENDS, on(6, 1), TODAY)).then_error(
        RuleViolation, "not_later"
    )


def test_only_a_running_case_is_extended() -> None:
    extend = cmd.ExtendCase(date(2025, 12, 31), on(6, 1), TODAY)
    given(case, REFERRED, CHECKED).when(extend).then_error(RuleViolation, "not_admitted")
