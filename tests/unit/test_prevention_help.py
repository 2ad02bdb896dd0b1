"""The help itself in the decider: visit rhythm, home visits (with what was due and when
the next one is), mediation, negotiations with landlords and referrals out — all only
while the case runs, with the household's consent and within the time limit."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from services.prevention.domain import case_commands as cmd
from services.prevention.domain.case import case
from shared.contracts.placement import LandlordKind
from shared.contracts.prevention import (
    CaseExtended,
    HomeVisitDone,
    HousingSituation,
    LandlordNegotiationRecorded,
    MediationParty,
    MediationRecorded,
    MediationTopic,
    NegotiationResult,
    ReferralOutKind,
    ReferredOut,
    TargetGroup,
    VisitFinding,
    VisitRhythmPlanned,
)
from shared.decider import RuleViolation
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
    referred,
)

V1 = UUID("00000000-0000-4000-8000-0000000000a1")
V2 = UUID("00000000-0000-4000-8000-0000000000b2")
M1 = UUID("00000000-0000-4000-8000-0000000000d1")
RHYTHM = VisitRhythmPlanned(
    case_id=CID, every_days=14, next_visit_due=on(3, 26), occurred_at=at(3, 12)
)
RENT = (VisitFinding.rent_arrears,)


def visit(done_on: date, visit_id: UUID = V1, next_due: date | None = None) -> cmd.RecordHomeVisit:
    return cmd.RecordHomeVisit(
        visit_id=visit_id, done_on=done_on, findings=RENT, today=TODAY, next_visit_due=next_due
    )


def test_a_rhythm_sets_when_the_first_visit_is_due() -> None:
    given(case, *RUNNING).when(cmd.PlanVisitRhythm(14, on(3, 12), TODAY)).then(RHYTHM)
    explicit = cmd.PlanVisitRhythm(14, on(3, 12), TODAY, next_visit_due=on(3, 15))
    given(case, *RUNNING).when(explicit).then(
        VisitRhythmPlanned(
            case_id=CID, every_days=14, next_visit_due=on(3, 15), occurred_at=at(3, 12)
        )
    )


def test_a_new_rhythm_counts_from_the_last_visit() -> None:
    done = HomeVisitDone(
        case_id=CID,
        visit_id=V1,
        findings=RENT,
        due_on=on(3, 26),
        next_visit_due=on(4, 9),
        occurred_at=at(3, 26),
    )
    given(case, *RUNNING, RHYTHM, done).when(cmd.PlanVisitRhythm(28, on(4, 1), TODAY)).then(
        VisitRhythmPlanned(
            case_id=CID, every_days=28, next_visit_due=on(4, 23), occurred_at=at(4, 1)
        )
    )


def test_a_rhythm_needs_an_admitted_case_and_a_due_day_ahead() -> None:
    plan = cmd.PlanVisitRhythm(14, on(3, 12), TODAY)
    given(case, REFERRED, CHECKED).when(plan).then_error(RuleViolation, "not_admitted")
    backwards = cmd.PlanVisitRhythm(14, on(3, 12), TODAY, next_visit_due=on(3, 11))
    given(case, *RUNNING).when(backwards).then_error(RuleViolation, "due_in_past")


def test_a_home_visit_records_findings_what_was_due_and_the_next_due_day() -> None:
    given(case, *RUNNING, RHYTHM).when(visit(on(3, 27))).then(
        HomeVisitDone(
            case_id=CID,
            visit_id=V1,
            findings=RENT,
            due_on=on(3, 26),
            next_visit_due=on(4, 10),
            occurred_at=at(3, 27),
        )
    )


def test_the_next_due_day_may_be_set_by_hand() -> None:
    events = case.decide(visit(on(3, 20), next_due=on(3, 22)), case.fold([*RUNNING, RHYTHM]))
    assert isinstance(events[0], HomeVisitDone) and events[0].next_visit_due == on(3, 22)
    without_rhythm = case.decide(visit(on(3, 20), next_due=on(4, 1)), case.fold(RUNNING))
    assert isinstance(without_rhythm[0], HomeVisitDone) and without_rhythm[0].due_on is None


def test_without_rhythm_or_next_due_day_a_visit_is_refused() -> None:
    given(case, *RUNNING).when(visit(on(3, 20))).then_error(RuleViolation, "no_rhythm")


def test_the_next_visit_lies_after_this_one() -> None:
    given(case, *RUNNING, RHYTHM).when(visit(on(3, 20), next_due=on(3, 20))).then_error(
        RuleViolation, "next_visit_not_after"
    )


def test_no_home_visit_without_consent() -> None:
    given(case, REFERRED, CHECKED, ADMITTED, RHYTHM).when(visit(on(3, 20))).then_error(
        RuleViolation, "no_consent"
    )


def test_no_home_visit_before_admission_or_in_the_future() -> None:
    given(case, *RUNNING, RHYTHM).when(visit(on(3, 9))).then_error(RuleViolation, "too_early")
    given(case, *RUNNING, RHYTHM).when(visit(on(7, 1))).then_error(RuleViolation, "in_future")


def test_after_the_end_date_a_visit_needs_an_extension() -> None:
    autumn = date(2025, 9, 30)
    on_the_last_day = cmd.RecordHomeVisit(V1, ENDS, RENT, autumn)
    assert case.decide(on_the_last_day, case.fold([*RUNNING, RHYTHM]))
    after_the_end = cmd.RecordHomeVisit(V1, date(2025, 9, 10), RENT, autumn)
    error = given(case, *RUNNING, RHYTHM).when(after_the_end)
    assert "09.09.2025" in error.then_error(RuleViolation, "time_limit_passed").message
    extended = CaseExtended(
        case_id=CID, previous_ends_on=ENDS, ends_on=date(2025, 12, 31), occurred_at=at(6, 1)
    )
    assert case.decide(after_the_end, case.fold([*RUNNING, RHYTHM, extended]))


def test_visits_are_recorded_in_order_and_once() -> None:
    first = case.decide(visit(on(4, 1)), case.fold([*RUNNING, RHYTHM]))
    history = [*RUNNING, RHYTHM, *first]
    given(case, *history).when(visit(on(3, 30), visit_id=V2)).then_error(
        RuleViolation, "before_last_visit"
    )
    given(case, *history).when(visit(on(4, 2))).then_error(RuleViolation, "already_recorded")


def test_overdue_means_the_next_visit_was_due_before_today() -> None:
    state = case.fold([*RUNNING, RHYTHM])
    assert not state.visit_overdue(on(3, 26))
    assert state.visit_overdue(on(3, 27))
    assert not case.fold([REFERRED]).visit_overdue(on(12, 1))


def test_mediation_with_a_landlord_or_office_is_recorded() -> None:
    mediate = cmd.RecordMediation(
        M1, MediationParty.jobcenter, MediationTopic.rent_arrears, on(4, 3), TODAY
    )
    given(case, *RUNNING).when(mediate).then(
        MediationRecorded(
            case_id=CID,
            mediation_id=M1,
            party=MediationParty.jobcenter,
            topic=MediationTopic.rent_arrears,
            occurred_at=at(4, 3),
        )
    )
    given(case, REFERRED, CHECKED, ADMITTED).when(mediate).then_error(RuleViolation, "no_consent")


def test_negotiations_with_potential_landlords_belong_to_precarious_situations() -> None:
    negotiate = cmd.RecordLandlordNegotiation(
        M1, LandlordKind.municipal_housing_company, NegotiationResult.ongoing, on(4, 3), TODAY
    )
    given(case, *RUNNING).when(negotiate).then(
        LandlordNegotiationRecorded(
            case_id=CID,
            negotiation_id=M1,
            landlord_kind=LandlordKind.municipal_housing_company,
            result=NegotiationResult.ongoing,
            occurred_at=at(4, 3),
        )
    )
    tenancy = referred(
        TargetGroup.secured_tenancy_at_risk_of_recurrence, HousingSituation.own_tenancy
    )
    given(case, tenancy, *RUNNING[1:]).when(negotiate).then_error(RuleViolation, "not_precarious")


def test_referrals_out_are_recorded_by_kind() -> None:
    refer = cmd.ReferOut(M1, ReferralOutKind.debt_counselling, on(4, 3), TODAY)
    given(case, *RUNNING).when(refer).then(
        ReferredOut(
            case_id=CID, referral_id=M1, kind=ReferralOutKind.debt_counselling, occurred_at=at(4, 3)
        )
    )
    given(case, REFERRED, CHECKED).when(refer).then_error(RuleViolation, "not_admitted")
