"""How a prevention case ends in the decider: the household's consent and its withdrawal
(which closes the case at once), and closing with an outcome."""

from __future__ import annotations

import pytest

from services.prevention.domain import case_commands as cmd
from services.prevention.domain.case import case
from shared.contracts.prevention import (
    CaseClosed,
    CaseOutcome,
    ConsentRecorded,
    ConsentWithdrawn,
    HousingSituation,
    TargetGroup,
)
from shared.decider import RuleViolation
from shared.testing import given
from support.builders.prevention import (
    ADMITTED,
    CHECKED,
    CID,
    CONSENTED,
    REFERRED,
    RUNNING,
    TODAY,
    at,
    closed_with,
    on,
    referred,
)


def test_consent_is_recorded_once() -> None:
    given(case, REFERRED, CHECKED, ADMITTED).when(cmd.RecordConsent(on(3, 12), TODAY)).then(
        CONSENTED
    )
    given(case, *RUNNING).when(cmd.RecordConsent(on(3, 13), TODAY)).then_error(
        RuleViolation, "consent_given"
    )


def test_withdrawing_consent_ends_the_help() -> None:
    given(case, *RUNNING).when(cmd.WithdrawConsent(on(4, 2), TODAY)).then(
        ConsentWithdrawn(case_id=CID, occurred_at=at(4, 2)),
        CaseClosed(
            case_id=CID,
            outcome=CaseOutcome.consent_withdrawn,
            target_group=TargetGroup.re_admission,
            housing_situation=HousingSituation.requisitioned_flat,
            adults=2,
            minors=2,
            admitted_on=on(3, 10),
            occurred_at=at(4, 2),
        ),
    )


def test_withdrawing_consent_before_admission_closes_a_case_never_admitted() -> None:
    early_consent = ConsentRecorded(case_id=CID, occurred_at=at(3, 4))
    events = case.decide(cmd.WithdrawConsent(on(3, 6), TODAY), case.fold([REFERRED, early_consent]))
    closed = events[-1]
    assert isinstance(closed, CaseClosed) and closed.admitted_on is None


def test_withdrawing_needs_a_consent_given_before() -> None:
    given(case, REFERRED, CHECKED, ADMITTED).when(cmd.WithdrawConsent(on(4, 2), TODAY)).then_error(
        RuleViolation, "no_consent"
    )
    given(case, *RUNNING).when(cmd.WithdrawConsent(on(3, 11), TODAY)).then_error(
        RuleViolation, "too_early"
    )


@pytest.mark.parametrize(
    "outcome", [o for o in CaseOutcome if o is not CaseOutcome.consent_withdrawn]
)
def test_closing_records_the_outcome(outcome: CaseOutcome) -> None:
    given(case, *RUNNING).when(cmd.CloseCase(outcome, on(6, 20), TODAY)).then(
        closed_with(outcome, HousingSituation.requisitioned_flat)
    )


def test_own_lease_signed_only_for_requisitioned_or_assigned_flats() -> None:
    tenancy = referred(
        TargetGroup.secured_tenancy_at_risk_of_recurrence, HousingSituation.own_tenancy
    )
    close = cmd.CloseCase(CaseOutcome.own_lease_signed, on(6, 20), TODAY)
    error = given(case, tenancy, CHECKED, ADMITTED, CONSENTED).when(close)
    error.then_error(RuleViolation, "own_lease_not_applicable")
    assigned = referred(TargetGroup.assignment_into_vacant_flat, HousingSituation.assigned_flat)
    events = case.decide(close, case.fold([assigned, CHECKED, ADMITTED]))
    assert isinstance(events[0], CaseClosed) and events[0].outcome is CaseOutcome.own_lease_signed


def test_closing_needs_an_admitted_case_and_happens_once() -> None:
    close = cmd.CloseCase(CaseOutcome.tenancy_kept, on(6, 20), TODAY)
    given(case, REFERRED, CHECKED).when(close).then_error(RuleViolation, "not_admitted")
    done = closed_with(CaseOutcome.tenancy_kept, HousingSituation.requisitioned_flat)
    given(case, *RUNNING, done).when(close).then_error(RuleViolation, "case_closed")
    withdrawal = cmd.CloseCase(CaseOutcome.consent_withdrawn, on(6, 20), TODAY)
    given(case, *RUNNING).when(withdrawal).then_error(RuleViolation, "use_withdrawal")
    given(case, *RUNNING).when(cmd.CloseCase(CaseOutcome.eviction, on(3, 9), TODAY)).then_error(
        RuleViolation, "too_early"
    )
