"""Individual consultations by appointment (Einzeltermine): given events, when a command,
then events or a refusal. The appointment lives in the stream of the consultation it
becomes, so recording the consultation settles it."""

from __future__ import annotations

from datetime import date, time
from uuid import UUID

from services.volunteer.domain.office_hours import (
    ArrangeConsultation,
    CancelConsultationAppointment,
    Entry,
    MoveConsultationAppointment,
    OfficeHour,
    RecordConsultation,
    evolve,
    office_hours,
)
from shared.clock import business_time
from shared.contracts.volunteer import (
    ConsultationAppointed,
    ConsultationAppointmentCancelled,
    ConsultationAppointmentMoved,
    ConsultationChannel,
    ConsultationHeld,
    ConsultationTopic,
    Visitor,
)
from shared.decider import NotFound, RuleViolation
from shared.testing import given

AID = UUID("00000000-0000-4000-8000-00000000b001")
TANDEM = UUID("00000000-0000-4000-8000-00000000c001")
HOUSEHOLD = UUID("00000000-0000-4000-8000-00000000d001")
TODAY = date(2026, 12, 7)
DAY = date(2026, 12, 10)
WORKER = "user-caseworker-1"

ARRANGE = ArrangeConsultation(
    appointment_id=AID,
    provider="drk",
    day=DAY,
    at=time(14, 30),
    minutes=45,
    attendee=WORKER,
    today=TODAY,
    tandem_id=TANDEM,
    household_id=HOUSEHOLD,
)
APPOINTED = ConsultationAppointed(
    appointment_id=AID,
    provider="drk",
    day=DAY,
    at=time(14, 30),
    minutes=45,
    attendee=WORKER,
    tandem_id=TANDEM,
    household_id=HOUSEHOLD,
    occurred_at=business_time(TODAY),
)
CANCELLED = ConsultationAppointmentCancelled(appointment_id=AID, occurred_at=business_time(TODAY))
ENTRY = Entry(
    consultation_id=AID,
    channel=ConsultationChannel.in_person,
    visitor=Visitor.tandem,
    topic=ConsultationTopic.application,
    duration_minutes=40,
    tandem_id=TANDEM,
    household_id=HOUSEHOLD,
)
HELD = ConsultationHeld(
    consultation_id=AID,
    provider="drk",
    channel=ConsultationChannel.in_person,
    visitor=Visitor.tandem,
    topic=ConsultationTopic.application,
    duration_minutes=40,
    appointment=True,
    tandem_id=TANDEM,
    household_id=HOUSEHOLD,
    occurred_at=business_time(DAY),
)


def settle(provider: str = "drk") -> RecordConsultation:
    return RecordConsultation(
        provider=provider, held_on=DAY, today=DAY, appointment=True, entry=ENTRY, settles=True
    )


def move(day: date = date(2026, 12, 11), attendee: str = WORKER) -> MoveConsultationAppointment:
    return MoveConsultationAppointment(
        day=day, at=time(9, 0), minutes=30, attendee=attendee, today=TODAY
    )


def fold(*events: object) -> OfficeHour:
    state = OfficeHour()
    for e in events:
        state = evolve(state, e)  # type: ignore[arg-type]
    return state


def test_an_appointment_is_arranged_without_a_place_in_its_event() -> None:
    given(office_hours).when(ARRANGE).then(APPOINTED)
    assert "place" not in ConsultationAppointed.model_fields


def test_an_appointment_in_the_past_is_refused() -> None:
    command = ArrangeConsultation(
        appointment_id=AID,
        provider="drk",
        day=date(2026, 12, 6),
        at=time(10, 0),
        minutes=30,
        attendee=WORKER,
        today=TODAY,
    )
    given(office_hours).when(command).then_error(RuleViolation, "appointment_in_past")


def test_arranging_the_same_appointment_again_changes_nothing() -> None:
    given(office_hours, APPOINTED).when(ARRANGE).then()


def test_an_id_already_arranged_differently_is_refused() -> None:
    other = ArrangeConsultation(
        appointment_id=AID,
        provider="drk",
        day=DAY,
        at=time(8, 0),
        minutes=45,
        attendee=WORKER,
        today=TODAY,
    )
    given(office_hours, APPOINTED).when(other).then_error(RuleViolation, "already_arranged")


def test_an_id_of_a_recorded_consultation_cannot_be_arranged() -> None:
    recorded = HELD.model_copy(update={"appointment": False})
    given(office_hours, recorded).when(ARRANGE).then_error(RuleViolation, "already_recorded")


def test_the_open_appointment_moves() -> None:
    moved = ConsultationAppointmentMoved(
        appointment_id=AID,
        day=date(2026, 12, 11),
        at=time(9, 0),
        minutes=30,
        attendee=WORKER,
        occurred_at=business_time(TODAY),
    )
    given(office_hours, APPOINTED).when(move()).then(moved)
    state = fold(APPOINTED, moved)
    assert state.open_appointment is not None
    assert (state.open_appointment.day, state.open_appointment.at) == (moved.day, moved.at)


def test_moving_into_the_past_is_refused() -> None:
    command = move(day=date(2026, 12, 1))
    given(office_hours, APPOINTED).when(command).then_error(RuleViolation, "appointment_in_past")


def test_moving_an_unknown_appointment_is_not_found() -> None:
    given(office_hours).when(move()).then_error(NotFound)


def test_the_open_appointment_is_cancelled_and_then_no_longer_open() -> None:
    cancel = CancelConsultationAppointment(today=TODAY)
    given(office_hours, APPOINTED).when(cancel).then(CANCELLED)
    assert fold(APPOINTED, CANCELLED).open_appointment is None
    given(office_hours, APPOINTED, CANCELLED).when(cancel).then_error(
        RuleViolation, "no_appointment"
    )
    given(office_hours, APPOINTED, CANCELLED).when(move()).then_error(
        RuleViolation, "no_appointment"
    )


def test_recording_the_consultation_settles_the_appointment() -> None:
    given(office_hours, APPOINTED).when(settle()).then(HELD)
    assert fold(APPOINTED, HELD).open_appointment is None


def test_a_settled_appointment_cannot_be_recorded_moved_or_cancelled_again() -> None:
    given(office_hours, APPOINTED, HELD).when(settle()).then_error(
        RuleViolation, "already_recorded"
    )
    given(office_hours, APPOINTED, HELD).when(move()).then_error(RuleViolation, "no_appointment")
    given(office_hours, APPOINTED, HELD).when(CancelConsultationAppointment(TODAY)).then_error(
        RuleViolation, "no_appointment"
    )


def test_a_cancelled_appointment_cannot_be_recorded() -> None:
    given(office_hours, APPOINTED, CANCELLED).when(settle()).then_error(
        RuleViolation, "no_appointment"
    )


def test_settling_an_appointment_that_was_never_arranged_is_not_found() -> None:
    given(office_hours).when(settle()).then_error(NotFound)


def test_settling_for_another_provider_is_refused() -> None:
    given(office_hours, APPOINTED).when(settle("caritas")).then_error(
        RuleViolation, "provider_mismatch"
    )


def test_a_consultation_without_the_appointment_cannot_take_its_id() -> None:
    plain = RecordConsultation(
        provider="drk", held_on=DAY, today=DAY, appointment=True, entry=ENTRY
    )
    given(office_hours, APPOINTED).when(plain).then_error(RuleViolation, "already_recorded")
