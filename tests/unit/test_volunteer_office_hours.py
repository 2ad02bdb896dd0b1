"""Open office hours and consultations: given events, when a command, then events."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from services.volunteer.domain.office_hours import (
    Entry,
    HoldOfficeHour,
    RecordConsultation,
    RecordConsultations,
    office_hours,
)
from shared.clock import business_time
from shared.contracts.volunteer import (
    ConsultationChannel,
    ConsultationHeld,
    ConsultationTopic,
    OfficeHourHeld,
    Visitor,
)
from shared.decider import NotFound, RuleViolation
from shared.testing import given

OHID = UUID("00000000-0000-4000-8000-00000000a001")
TODAY = date(2019, 11, 30)
HELD_ON = date(2019, 11, 6)
HELD = OfficeHourHeld(
    office_hour_id=OHID, provider="drk", duration_minutes=120, occurred_at=business_time(HELD_ON)
)


def entry(n: int, channel: ConsultationChannel = ConsultationChannel.in_person) -> Entry:
    return Entry(
        consultation_id=UUID(int=n),
        channel=channel,
        visitor=Visitor.tandem,
        topic=ConsultationTopic.application,
        duration_minutes=20,
    )


def held(n: int, channel: ConsultationChannel = ConsultationChannel.in_person) -> ConsultationHeld:
    return ConsultationHeld(
        consultation_id=UUID(int=n),
        provider="drk",
        channel=channel,
        visitor=Visitor.tandem,
        topic=ConsultationTopic.application,
        duration_minutes=20,
        office_hour_id=OHID,
        occurred_at=business_time(HELD_ON),
    )


def test_an_office_hour_is_held_with_its_consultations_in_one_go() -> None:
    command = HoldOfficeHour(
        OHID, "drk", HELD_ON, 120, TODAY, (entry(1), entry(2, ConsultationChannel.phone))
    )
    given(office_hours).when(command).then(HELD, held(1), held(2, ConsultationChannel.phone))


def test_an_office_hour_in_the_future_is_refused() -> None:
    command = HoldOfficeHour(OHID, "drk", date(2019, 12, 1), 120, TODAY)
    given(office_hours).when(command).then_error(RuleViolation, "in_future")


def test_the_same_office_hour_twice_is_refused() -> None:
    command = HoldOfficeHour(OHID, "drk", HELD_ON, 120, TODAY)
    given(office_hours, HELD).when(command).then_error(RuleViolation, "already_held")


def test_consultations_are_added_to_a_held_office_hour_on_its_day() -> None:
    command = RecordConsultations((entry(3, ConsultationChannel.email), entry(4)))
    given(office_hours, HELD).when(command).then(held(3, ConsultationChannel.email), held(4))


def test_consultations_of_an_office_hour_that_was_not_held_are_not_found() -> None:
    given(office_hours).when(RecordConsultations((entry(3),))).then_error(NotFound)


def test_a_consultation_recorded_before_is_refused_with_the_whole_entry() -> None:
    command = RecordConsultations((entry(5), entry(1)))
    given(office_hours, HELD, held(1)).when(command).then_error(RuleViolation, "already_recorded")
    twice = RecordConsultations((entry(6), entry(6)))
    given(office_hours, HELD).when(twice).then_error(RuleViolation, "already_recorded")


def test_an_individual_appointment_is_a_consultation_outside_office_hours() -> None:
    command = RecordConsultation("drk", HELD_ON, TODAY, appointment=True, entry=entry(7))
    expected = held(7).model_copy(update={"office_hour_id": None, "appointment": True})
    given(office_hours).when(command).then(expected)


def test_a_consultation_on_its_own_is_recorded_once_and_never_in_the_future() -> None:
    command = RecordConsultation("drk", HELD_ON, TODAY, appointment=False, entry=entry(8))
    (first,) = office_hours.decide(command, office_hours.initial_state)
    given(office_hours, first).when(command).then_error(RuleViolation, "already_recorded")
    later = RecordConsultation("drk", date(2019, 12, 1), TODAY, appointment=False, entry=entry(9))
    given(office_hours).when(later).then_error(RuleViolation, "in_future")
