"""Workshops, attendance per person and certificates: given/when/then."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from services.volunteer.domain.workshop import (
    HoldWorkshop,
    IssueCertificate,
    RecordAttendance,
    workshop,
)
from shared.clock import business_time
from shared.contracts.volunteer import (
    CertificateIssued,
    WorkshopAttended,
    WorkshopHeld,
    WorkshopTopic,
)
from shared.decider import RuleViolation
from shared.testing import given

WID = UUID("00000000-0000-4000-8000-00000000b001")
AID = UUID("00000000-0000-4000-8000-00000000b002")
CID = UUID("00000000-0000-4000-8000-00000000b003")
HID = UUID("00000000-0000-4000-8000-00000000b004")
HELD_ON = date(2021, 11, 10)
TODAY = date(2021, 12, 1)
TOPIC = WorkshopTopic.tenancy_rights_and_duties
HELD = WorkshopHeld(
    workshop_id=WID,
    provider="stadt",
    topic=TOPIC,
    site="Bürgerhaus Bergischer Löwe",
    duration_minutes=180,
    occurred_at=business_time(HELD_ON),
)
ATTENDED = WorkshopAttended(
    workshop_id=WID, attendee_id=AID, household_id=HID, occurred_at=business_time(HELD_ON)
)
ISSUED = CertificateIssued(
    certificate_id=CID,
    workshop_id=WID,
    attendee_id=AID,
    household_id=HID,
    topic=TOPIC,
    occurred_at=business_time(date(2021, 11, 12)),
)


def certify(day: date = date(2021, 11, 12), attendee: UUID = AID) -> IssueCertificate:
    return IssueCertificate(CID, attendee, day, TODAY)


def test_a_workshop_is_held_on_a_day_at_a_site() -> None:
    command = HoldWorkshop(WID, "stadt", TOPIC, HELD_ON, "Bürgerhaus Bergischer Löwe", 180, TODAY)
    given(workshop).when(command).then(HELD)


def test_a_workshop_in_the_future_or_twice_is_refused() -> None:
    later = HoldWorkshop(WID, "stadt", TOPIC, date(2021, 12, 2), "x", 60, TODAY)
    given(workshop).when(later).then_error(RuleViolation, "in_future")
    again = HoldWorkshop(WID, "stadt", TOPIC, HELD_ON, "x", 60, TODAY)
    given(workshop, HELD).when(again).then_error(RuleViolation, "already_held")


def test_attendance_is_recorded_per_person_on_the_workshop_day() -> None:
    given(workshop, HELD).when(RecordAttendance(AID, HID)).then(ATTENDED)


def test_attendance_at_a_workshop_that_does_not_exist_is_refused() -> None:
    given(workshop).when(RecordAttendance(AID, HID)).then_error(RuleViolation, "workshop_unknown")


def test_the_same_person_attending_twice_is_refused() -> None:
    given(workshop, HELD, ATTENDED).when(RecordAttendance(AID, None)).then_error(
        RuleViolation, "already_attended"
    )


def test_a_certificate_is_issued_to_an_attendee_with_the_workshop_topic() -> None:
    given(workshop, HELD, ATTENDED).when(certify()).then(ISSUED)


def test_a_certificate_for_someone_who_did_not_attend_is_refused() -> None:
    given(workshop, HELD, ATTENDED).when(certify(attendee=UUID(int=1))).then_error(
        RuleViolation, "not_attended"
    )
    given(workshop).when(certify()).then_error(RuleViolation, "workshop_unknown")


def test_a_second_certificate_for_the_same_person_is_refused() -> None:
    error = (
        given(workshop, HELD, ATTENDED, ISSUED)
        .when(certify(date(2021, 11, 20)))
        .then_error(RuleViolation, "already_issued")
    )
    assert "12.11.2021" in error.message


def test_a_certificate_dated_before_the_workshop_or_in_the_future_is_refused() -> None:
    given(workshop, HELD, ATTENDED).when(certify(date(2021, 11, 9))).then_error(
        RuleViolation, "before_start"
    )
    given(workshop, HELD, ATTENDED).when(certify(date(2021, 12, 2))).then_error(
        RuleViolation, "in_future"
    )


def test_the_state_knows_which_attendee_holds_which_certificate() -> None:
    state = workshop.fold([HELD, ATTENDED, ISSUED])
    found = state.certificate(CID)
    assert found is not None
    assert (found.attendee_id, found.certificate_issued_on) == (AID, date(2021, 11, 12))
