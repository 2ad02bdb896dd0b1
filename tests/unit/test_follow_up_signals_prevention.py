"""Rule-made follow-ups from prevention's events
(services/reporting/domain/follow_ups/prevention.py): given an event, the signals it gives;
applied in stream order as the projection does, which rows are open with which anchor; and
the day each is due."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from services.reporting.domain.follow_ups import Closed, Opened, Signal, due_on, follow_up_id
from services.reporting.domain.follow_ups.prevention import signals
from shared.clock import business_time
from shared.contracts.followups import DEFAULT_DAYS, Rule, SubjectKind
from shared.contracts.prevention.codes import (
    AftercareDeclineReason,
    AftercareWithdrawalReason,
    CaseOutcome,
    HousingSituation,
    MediationParty,
    MediationTopic,
    TargetGroup,
    VisitFinding,
)
from shared.contracts.prevention.events import (
    AftercareAccepted,
    AftercareDeclined,
    AftercareOffered,
    AftercareWithdrawn,
    CaseAdmitted,
    CaseClosed,
    CaseExtended,
    HomeVisitDone,
    MediationRecorded,
    VisitRhythmPlanned,
)
from shared.envelope import DomainEvent

CASE = UUID("00000000-0000-4000-8000-0000000000c5")
HOUSEHOLD = UUID("00000000-0000-4000-8000-0000000000b1")
OFFER = UUID("00000000-0000-4000-8000-0000000000f1")
ADMITTED = date(2020, 1, 6)
ENDS = date(2020, 7, 5)


def run(*events: DomainEvent) -> dict[tuple[Rule, UUID], date]:
    """Applies the signals in stream order as the follow-up projection does: one row per
    id, a later opening replaces the anchor, a closing ends it. Open rows' anchors by
    (rule, subject)."""
    rows: dict[UUID, tuple[Rule, UUID, date]] = {}
    for event in events:
        for signal in signals(event, "koeln", "skm"):
            apply(rows, signal)
    return {(rule, subject): anchor for rule, subject, anchor in rows.values()}


def apply(rows: dict[UUID, tuple[Rule, UUID, date]], signal: Signal) -> None:
    match signal:
        case Opened():
            fid = follow_up_id(signal.rule, signal.subject_id, signal.key)
            rows[fid] = (signal.rule, signal.subject_id, signal.anchor_on)
        case Closed():
            # No key on this context's follow-ups: a closing ends the rule's one row.
            assert signal.key is None
            rows.pop(follow_up_id(signal.rule, signal.subject_id, None), None)


def admitted() -> CaseAdmitted:
    return CaseAdmitted(
        case_id=CASE,
        provider="skm",
        target_group=TargetGroup.re_admission,
        adults=1,
        minors=0,
        ends_on=ENDS,
        occurred_at=business_time(ADMITTED),
    )


def extended(to: date) -> CaseExtended:
    return CaseExtended(
        case_id=CASE, previous_ends_on=ENDS, ends_on=to, occurred_at=business_time(date(2020, 6, 1))
    )


def rhythm(next_due: date) -> VisitRhythmPlanned:
    return VisitRhythmPlanned(
        case_id=CASE, every_days=14, next_visit_due=next_due, occurred_at=business_time(ADMITTED)
    )


def visited(on: date, next_due: date, due: date | None = None) -> HomeVisitDone:
    return HomeVisitDone(
        case_id=CASE,
        visit_id=UUID(int=on.toordinal()),
        findings=(VisitFinding.economic_difficulties,),
        due_on=due,
        next_visit_due=next_due,
        occurred_at=business_time(on),
    )


def closed() -> CaseClosed:
    return CaseClosed(
        case_id=CASE,
        outcome=CaseOutcome.tenancy_kept,
        target_group=TargetGroup.re_admission,
        housing_situation=HousingSituation.own_tenancy,
        adults=1,
        minors=0,
        admitted_on=ADMITTED,
        occurred_at=business_time(date(2020, 5, 1)),
    )


def offered() -> AftercareOffered:
    return AftercareOffered(
        household_id=HOUSEHOLD,
        provider="caritas",
        adults=2,
        minors=1,
        offer_id=OFFER,
        moved_on=date(2020, 3, 1),
        occurred_at=business_time(date(2020, 2, 20)),
    )


# -- time_limit_ending --------------------------------------------------------------------


def test_admission_opens_the_time_limit_follow_up_on_the_last_day_of_the_help() -> None:
    assert signals(admitted(), "koeln", "skm") == [
        Opened(
            Rule.time_limit_ending,
            SubjectKind.prevention_case,
            CASE,
            anchor_on=ENDS,
            provider="skm",
        )
    ]


def test_an_extension_moves_the_same_follow_up_to_the_new_last_day() -> None:
    later = date(2020, 12, 31)

    assert run(admitted(), extended(later)) == {(Rule.time_limit_ending, CASE): later}


def test_the_time_limit_is_due_fourteen_days_before_it_ends() -> None:
    days = DEFAULT_DAYS[Rule.time_limit_ending]

    assert due_on(Rule.time_limit_ending, ENDS, days) == date(2020, 6, 21)


# -- home_visit_due -----------------------------------------------------------------------


def test_a_planned_rhythm_opens_the_home_visit_on_its_next_day() -> None:
    assert signals(rhythm(date(2020, 1, 20)), "koeln", "skm") == [
        Opened(
            Rule.home_visit_due,
            SubjectKind.prevention_case,
            CASE,
            anchor_on=date(2020, 1, 20),
            provider="skm",
        )
    ]


def test_each_visit_moves_the_home_visit_to_the_next_planned_day() -> None:
    rows = run(
        admitted(),
        rhythm(date(2020, 1, 20)),
        visited(date(2020, 1, 22), date(2020, 2, 5), due=date(2020, 1, 20)),
        visited(date(2020, 2, 4), date(2020, 2, 18), due=date(2020, 2, 5)),
    )

    assert rows[(Rule.home_visit_due, CASE)] == date(2020, 2, 18)


def test_a_home_visit_is_due_on_its_planned_day_and_overdue_after_it() -> None:
    # The same day reporting's "overdue home visits" count from (next_visit_due < day).
    planned = date(2020, 1, 20)

    assert due_on(Rule.home_visit_due, planned, DEFAULT_DAYS[Rule.home_visit_due]) == planned


def test_closing_the_case_ends_its_home_visit_and_time_limit_follow_ups() -> None:
    rows = run(admitted(), rhythm(date(2020, 1, 20)), closed())

    assert rows == {}


def test_a_redelivered_visit_keeps_one_row() -> None:
    visit = visited(date(2020, 1, 22), date(2020, 2, 5))

    assert run(visit, visit) == {(Rule.home_visit_due, CASE): date(2020, 2, 5)}


def test_a_mediation_changes_no_follow_up() -> None:
    mediation = MediationRecorded(
        case_id=CASE,
        mediation_id=OFFER,
        party=MediationParty.landlord,
        topic=MediationTopic.rent_arrears,
        occurred_at=business_time(date(2020, 2, 1)),
    )

    assert signals(mediation, "koeln", "skm") == []


# -- aftercare_unanswered -----------------------------------------------------------------


def test_an_aftercare_offer_opens_its_follow_up_on_the_household_on_the_day_offered() -> None:
    assert signals(offered(), "koeln", "caritas") == [
        Opened(
            Rule.aftercare_unanswered,
            SubjectKind.household,
            HOUSEHOLD,
            anchor_on=date(2020, 2, 20),
            household_id=HOUSEHOLD,
            provider="caritas",
        )
    ]


@pytest.mark.parametrize(
    "answer",
    [
        AftercareAccepted(
            household_id=HOUSEHOLD, provider="caritas", occurred_at=business_time(date(2020, 3, 2))
        ),
        AftercareDeclined(
            household_id=HOUSEHOLD,
            provider="caritas",
            reason=AftercareDeclineReason.not_needed,
            occurred_at=business_time(date(2020, 3, 2)),
        ),
        AftercareWithdrawn(
            household_id=HOUSEHOLD,
            provider="caritas",
            offer_id=OFFER,
            reason=AftercareWithdrawalReason.placement_retracted,
            occurred_at=business_time(date(2020, 3, 2)),
        ),
    ],
    ids=["accepted", "declined", "withdrawn"],
)
def test_an_answer_or_a_withdrawal_ends_the_aftercare_follow_up(answer: DomainEvent) -> None:
    assert run(offered(), answer) == {}


def test_a_household_offered_aftercare_again_has_one_row_on_the_new_day() -> None:
    withdrawn = AftercareWithdrawn(
        household_id=HOUSEHOLD,
        provider="caritas",
        offer_id=OFFER,
        reason=AftercareWithdrawalReason.placement_retracted,
        occurred_at=business_time(date(2020, 3, 2)),
    )
    again = offered().model_copy(update={"occurred_at": business_time(date(2020, 5, 4))})

    assert run(offered(), withdrawn, again) == {
        (Rule.aftercare_unanswered, HOUSEHOLD): date(2020, 5, 4)
    }


def test_aftercare_is_due_fourteen_days_after_the_offer() -> None:
    days = DEFAULT_DAYS[Rule.aftercare_unanswered]

    assert due_on(Rule.aftercare_unanswered, date(2020, 2, 20), days) == date(2020, 3, 5)
