"""Home visit appointments in the decider: one open appointment per case, made while the
help runs with consent, on a day from today to the end of the time limit; moved,
cancelled, and settled by the visit itself (then a new one can be made)."""

from __future__ import annotations

from datetime import date, time, timedelta
from uuid import UUID

from services.prevention.domain import case_commands as cmd
from services.prevention.domain.case import case
from shared.contracts.prevention import (
    CaseOutcome,
    ConsentWithdrawn,
    HomeVisitAppointed,
    HomeVisitAppointmentCancelled,
    HomeVisitAppointmentMoved,
    HomeVisitDone,
    HousingSituation,
    VisitFinding,
)
from shared.decider import RuleViolation
from shared.testing import given
from support.builders.prevention import (
    CID,
    ENDS,
    REFERRED,
    RUNNING,
    TODAY,
    at,
    closed_with,
    on,
)

A1 = UUID("00000000-0000-4000-8000-0000000000e1")
A2 = UUID("00000000-0000-4000-8000-0000000000e2")
V1 = UUID("00000000-0000-4000-8000-0000000000a1")
ME = "caseworker-skm"
HALF_PAST_TWO = time(14, 30)


def appoint(day: date | None = None, appointment_id: UUID = A1) -> cmd.AppointHomeVisit:
    return cmd.AppointHomeVisit(
        appointment_id=appointment_id,
        day=day or on(7, 3),
        at=HALF_PAST_TWO,
        minutes=60,
        attendee=ME,
        today=TODAY,
    )


APPOINTED = HomeVisitAppointed(
    case_id=CID,
    appointment_id=A1,
    day=on(7, 3),
    at=HALF_PAST_TWO,
    minutes=60,
    attendee=ME,
    occurred_at=at(6, 30),
)


def test_a_running_case_with_consent_gets_an_appointment_without_its_place() -> None:
    given(case, *RUNNING).when(appoint()).then(APPOINTED)
    # The event carries day, time, length and the pseudonymous attendee: nothing else.
    assert set(HomeVisitAppointed.model_fields) == {
        "case_id",
        "appointment_id",
        "day",
        "at",
        "minutes",
        "attendee",
        "occurred_at",
    }


def test_no_appointment_before_admission_without_consent_in_the_past_or_after_the_limit() -> None:
    given(case, REFERRED).when(appoint()).then_error(RuleViolation, "not_admitted")
    withdrawn = ConsentWithdrawn(case_id=CID, occurred_at=at(6, 1))
    given(case, *RUNNING, withdrawn).when(appoint()).then_error(RuleViolation, "no_consent")
    given(case, *RUNNING).when(appoint(on(6, 29))).then_error(RuleViolation, "appointment_in_past")
    after_limit = ENDS + timedelta(days=1)
    given(case, *RUNNING).when(appoint(after_limit)).then_error(RuleViolation, "time_limit_passed")


def test_one_open_appointment_per_case_and_a_retry_changes_nothing() -> None:
    given(case, *RUNNING, APPOINTED).when(appoint()).then()
    error = (
        given(case, *RUNNING, APPOINTED)
        .when(appoint(on(7, 10), A2))
        .then_error(RuleViolation, "appointment_open")
    )
    assert "03.07.2025" in error.message


def test_moving_keeps_the_appointment_id_and_an_unchanged_move_is_nothing() -> None:
    move = cmd.MoveHomeVisitAppointment(
        day=on(7, 4), at=time(9, 0), minutes=90, attendee=ME, today=TODAY
    )
    given(case, *RUNNING, APPOINTED).when(move).then(
        HomeVisitAppointmentMoved(
            case_id=CID,
            appointment_id=A1,
            day=on(7, 4),
            at=time(9, 0),
            minutes=90,
            attendee=ME,
            occurred_at=at(6, 30),
        )
    )
    same = cmd.MoveHomeVisitAppointment(
        day=on(7, 3), at=HALF_PAST_TWO, minutes=60, attendee=ME, today=TODAY
    )
    given(case, *RUNNING, APPOINTED).when(same).then()
    given(case, *RUNNING).when(move).then_error(RuleViolation, "no_appointment")


def test_a_cancelled_appointment_is_gone_and_cannot_be_cancelled_again() -> None:
    cancelled = HomeVisitAppointmentCancelled(case_id=CID, appointment_id=A1, occurred_at=at(6, 30))
    given(case, *RUNNING, APPOINTED).when(cmd.CancelHomeVisitAppointment(TODAY)).then(cancelled)
    given(case, *RUNNING, APPOINTED, cancelled).when(
        cmd.CancelHomeVisitAppointment(TODAY)
    ).then_error(RuleViolation, "no_appointment")


def test_the_visit_settles_the_appointment_so_the_next_one_can_be_made() -> None:
    done = HomeVisitDone(
        case_id=CID,
        visit_id=V1,
        findings=(VisitFinding.none,),
        next_visit_due=on(7, 20),
        occurred_at=at(6, 30),
    )
    state = case.fold([*RUNNING, APPOINTED])
    assert state.appointment is not None
    assert case.fold([*RUNNING, APPOINTED, done]).appointment is None
    given(case, *RUNNING, APPOINTED, done).when(appoint(on(7, 20), A2)).then(
        HomeVisitAppointed(
            case_id=CID,
            appointment_id=A2,
            day=on(7, 20),
            at=HALF_PAST_TWO,
            minutes=60,
            attendee=ME,
            occurred_at=at(6, 30),
        )
    )


def test_closing_the_case_ends_its_appointment() -> None:
    closed = closed_with(next(iter(CaseOutcome)), next(iter(HousingSituation)))
    assert case.fold([*RUNNING, APPOINTED, closed]).appointment is None
