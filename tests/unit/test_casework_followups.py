"""A written follow-up's decider (shared/casework/followups.py), wired with intake's
events: scheduled on a subject, then reassigned, postponed, completed; a completed one
changes no more; a retried create changes nothing; a day in the past is refused."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from uuid import UUID

import pytest

from services.intake.application.follow_ups import EVENTS
from shared.casework.followups import (
    COMPLETED,
    PAST_DAY,
    Complete,
    Postpone,
    Reassign,
    Schedule,
    follow_up_decider,
)
from shared.contracts.followups import (
    FollowUpCompleted,
    FollowUpPostponed,
    FollowUpReassigned,
    FollowUpScheduled,
    SubjectKind,
)
from shared.contracts.intake import (
    IntakeFollowUpCompleted,
    IntakeFollowUpPostponed,
    IntakeFollowUpReassigned,
    IntakeFollowUpScheduled,
)
from shared.decider import DomainError, NotFound, RuleViolation
from shared.testing import given
from shared.validation import IdUnavailable

decider = follow_up_decider(EVENTS)
FID = UUID("00000000-0000-4000-8000-0000000000f1")
HID = UUID("00000000-0000-4000-8000-0000000000a1")
TODAY = date(2026, 12, 7)
NOW = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)
LATER = datetime(2026, 12, 8, 10, 0, tzinfo=UTC)


def schedule(**changes: object) -> Schedule:
    values: dict[str, object] = {
        "follow_up_id": FID,
        "subject_kind": SubjectKind.household,
        "subject_id": HID,
        "household_id": HID,
        "due_on": date(2026, 12, 10),
        "due_time": time(14, 30),
        "assignee": "pseudonym-a",
        "now": NOW,
        "today": TODAY,
    }
    values.update(changes)
    return Schedule(**values)  # type: ignore[arg-type]


def scheduled(assignee: str | None = "pseudonym-a") -> IntakeFollowUpScheduled:
    return IntakeFollowUpScheduled(
        follow_up_id=FID,
        subject_kind=SubjectKind.household,
        subject_id=HID,
        household_id=HID,
        due_on=date(2026, 12, 10),
        due_time=time(14, 30),
        assignee=assignee,
        occurred_at=NOW,
    )


def completed() -> IntakeFollowUpCompleted:
    return IntakeFollowUpCompleted(follow_up_id=FID, occurred_at=NOW)


def test_scheduling_records_subject_day_time_and_assignee_without_text() -> None:
    given(decider).when(schedule()).then(scheduled())
    assert "text" not in IntakeFollowUpScheduled.model_fields


def test_intake_events_are_the_contract_bodies_reporting_matches() -> None:
    assert issubclass(IntakeFollowUpScheduled, FollowUpScheduled)
    assert issubclass(IntakeFollowUpReassigned, FollowUpReassigned)
    assert issubclass(IntakeFollowUpPostponed, FollowUpPostponed)
    assert issubclass(IntakeFollowUpCompleted, FollowUpCompleted)


def test_the_team_is_no_assignee() -> None:
    given(decider).when(schedule(assignee=None)).then(scheduled(assignee=None))


def test_a_follow_up_due_today_is_accepted() -> None:
    event = decider.decide(schedule(due_on=TODAY, due_time=None), decider.initial_state)
    assert len(event) == 1


def test_a_new_follow_up_for_a_past_day_is_refused_in_german() -> None:
    error = (
        given(decider)
        .when(schedule(due_on=date(2026, 12, 6)))
        .then_error(DomainError, code="due_in_past")
    )
    assert error.message == PAST_DAY


def test_a_retried_create_changes_nothing() -> None:
    given(decider, scheduled()).when(schedule()).then()


def test_a_retried_create_after_midnight_still_changes_nothing() -> None:
    given(decider, scheduled()).when(schedule(today=date(2026, 12, 11))).then()


def test_the_id_of_another_follow_up_is_taken() -> None:
    given(decider, scheduled()).when(schedule(due_on=date(2026, 12, 11))).then_error(
        IdUnavailable, code="follow_up_exists"
    )


def test_reassigning_names_the_new_assignee() -> None:
    given(decider, scheduled()).when(Reassign("pseudonym-b", LATER)).then(
        IntakeFollowUpReassigned(follow_up_id=FID, assignee="pseudonym-b", occurred_at=LATER)
    )


def test_reassigning_to_the_team() -> None:
    given(decider, scheduled()).when(Reassign(None, LATER)).then(
        IntakeFollowUpReassigned(follow_up_id=FID, assignee=None, occurred_at=LATER)
    )


def test_reassigning_to_who_has_it_records_nothing() -> None:
    given(decider, scheduled()).when(Reassign("pseudonym-a", LATER)).then()


def test_postponing_sets_the_new_day_and_time() -> None:
    given(decider, scheduled()).when(Postpone(date(2026, 12, 20), None, LATER, TODAY)).then(
        IntakeFollowUpPostponed(
            follow_up_id=FID, due_on=date(2026, 12, 20), due_time=None, occurred_at=LATER
        )
    )


def test_postponing_to_a_past_day_is_refused() -> None:
    given(decider, scheduled()).when(Postpone(date(2026, 12, 1), None, LATER, TODAY)).then_error(
        DomainError, code="due_in_past"
    )


def test_completing_records_when() -> None:
    given(decider, scheduled()).when(Complete(LATER)).then(
        IntakeFollowUpCompleted(follow_up_id=FID, occurred_at=LATER)
    )
    state = decider.fold([scheduled(), completed()])
    assert state.completed and state.completed_at == NOW


@pytest.mark.parametrize(
    "command",
    [
        Complete(LATER),
        Reassign("pseudonym-b", LATER),
        Postpone(date(2026, 12, 20), None, LATER, TODAY),
    ],
    ids=["complete", "reassign", "postpone"],
)
def test_a_completed_follow_up_changes_no_more(command: Complete | Reassign | Postpone) -> None:
    error = (
        given(decider, scheduled(), completed())
        .when(command)
        .then_error(RuleViolation, code="follow_up_completed")
    )
    assert error.message == COMPLETED


@pytest.mark.parametrize(
    "command",
    [
        Complete(LATER),
        Reassign("pseudonym-b", LATER),
        Postpone(date(2026, 12, 20), None, LATER, TODAY),
    ],
    ids=["complete", "reassign", "postpone"],
)
def test_an_unknown_follow_up_is_not_found(command: Complete | Reassign | Postpone) -> None:
    given(decider).when(command).then_error(NotFound, code="follow_up")


def test_the_state_follows_every_change() -> None:
    state = decider.fold(
        [
            scheduled(),
            IntakeFollowUpReassigned(follow_up_id=FID, assignee=None, occurred_at=LATER),
            IntakeFollowUpPostponed(
                follow_up_id=FID, due_on=date(2026, 12, 24), due_time=time(8), occurred_at=LATER
            ),
        ]
    )
    assert (state.assignee, state.due_on, state.due_time, state.completed) == (
        None,
        date(2026, 12, 24),
        time(8),
        False,
    )
