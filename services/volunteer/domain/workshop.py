"""The workshop aggregate: held, attended per person, certificates issued. Pure.

Attendees appear by pseudonym (`attendee_id`); their names, which the certificate
prints, stay in volunteer's personal-data table.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID

from services.volunteer.domain.days import german, not_before, not_in_future
from shared.clock import business_day, business_time
from shared.contracts.volunteer import (
    CertificateIssued,
    WorkshopAttended,
    WorkshopHeld,
    WorkshopTopic,
)
from shared.decider import Decider, RuleViolation
from shared.validation import IdUnavailable


@dataclass(frozen=True)
class HoldWorkshop:
    workshop_id: UUID
    provider: str
    topic: WorkshopTopic
    held_on: date
    site: str
    duration_minutes: int
    today: date


@dataclass(frozen=True)
class RecordAttendance:
    attendee_id: UUID
    household_id: UUID | None
    member_id: UUID | None = None


@dataclass(frozen=True)
class IssueCertificate:
    certificate_id: UUID
    attendee_id: UUID
    issued_on: date
    today: date


Command = HoldWorkshop | RecordAttendance | IssueCertificate
Event = WorkshopHeld | WorkshopAttended | CertificateIssued


@dataclass(frozen=True)
class Attendee:
    attendee_id: UUID
    household_id: UUID | None
    certificate_id: UUID | None = None
    certificate_issued_on: date | None = None


@dataclass(frozen=True)
class Workshop:
    held: bool = False
    workshop_id: UUID | None = None
    provider: str | None = None
    topic: WorkshopTopic | None = None
    held_on: date | None = None
    site: str | None = None
    duration_minutes: int = 0
    attendees: tuple[Attendee, ...] = ()

    def attendee(self, attendee_id: UUID) -> Attendee | None:
        return next((a for a in self.attendees if a.attendee_id == attendee_id), None)

    def certificate(self, certificate_id: UUID) -> Attendee | None:
        return next((a for a in self.attendees if a.certificate_id == certificate_id), None)


def decide(command: Command, state: Workshop) -> list[Event]:
    match command:
        case HoldWorkshop():
            if state.held:
                raise IdUnavailable("already_held")
            not_in_future(command.held_on, command.today, "Der Tag des Workshops")
            return [
                WorkshopHeld(
                    workshop_id=command.workshop_id,
                    provider=command.provider,
                    topic=command.topic,
                    site=command.site,
                    duration_minutes=command.duration_minutes,
                    occurred_at=business_time(command.held_on),
                )
            ]
        case RecordAttendance():
            held_on = _require_held(state)
            if state.attendee(command.attendee_id) is not None:
                raise RuleViolation("already_attended", "Die Teilnahme ist bereits erfasst.")
            assert state.workshop_id
            return [
                WorkshopAttended(
                    workshop_id=state.workshop_id,
                    attendee_id=command.attendee_id,
                    household_id=command.household_id,
                    member_id=command.member_id,
                    occurred_at=business_time(held_on),
                )
            ]
        case IssueCertificate():
            return _certify(command, state)


def _certify(command: IssueCertificate, state: Workshop) -> list[Event]:
    held_on = _require_held(state)
    attendee = state.attendee(command.attendee_id)
    if attendee is None:
        raise RuleViolation(
            "not_attended", "Für diese Person ist keine Teilnahme an diesem Workshop erfasst."
        )
    if attendee.certificate_issued_on is not None:
        raise RuleViolation(
            "already_issued",
            f"Die Bestätigung wurde bereits am {german(attendee.certificate_issued_on)} "
            "ausgestellt.",
        )
    if state.certificate(command.certificate_id) is not None:
        raise RuleViolation("already_issued", "Diese Bestätigung ist bereits ausgestellt.")
    not_in_future(command.issued_on, command.today, "Der Tag der Ausstellung")
    not_before(command.issued_on, held_on, "Die Ausstellung", "dem Workshop")
    assert state.workshop_id and state.topic
    return [
        CertificateIssued(
            certificate_id=command.certificate_id,
            workshop_id=state.workshop_id,
            attendee_id=attendee.attendee_id,
            household_id=attendee.household_id,
            topic=state.topic,
            occurred_at=business_time(command.issued_on),
        )
    ]


UNKNOWN = "Diesen Workshop gibt es nicht. Bitte zuerst den Workshop erfassen."


def _require_held(state: Workshop) -> date:
    if not state.held or state.held_on is None:
        raise RuleViolation("workshop_unknown", UNKNOWN)
    return state.held_on


def _with(state: Workshop, attendee_id: UUID, certificate_id: UUID, day: date) -> Workshop:
    attendees = tuple(
        replace(a, certificate_id=certificate_id, certificate_issued_on=day)
        if a.attendee_id == attendee_id
        else a
        for a in state.attendees
    )
    return replace(state, attendees=attendees)


def evolve(state: Workshop, event: Event) -> Workshop:
    match event:
        case WorkshopHeld():
            return Workshop(
                held=True,
                workshop_id=event.workshop_id,
                provider=event.provider,
                topic=event.topic,
                held_on=business_day(event.occurred_at),
                site=event.site,
                duration_minutes=event.duration_minutes,
            )
        case WorkshopAttended():
            attendee = Attendee(event.attendee_id, event.household_id)
            return replace(state, attendees=(*state.attendees, attendee))
        case CertificateIssued():
            day = business_day(event.occurred_at)
            return _with(state, event.attendee_id, event.certificate_id, day)
        case _:
            return state


workshop = Decider(decide=decide, evolve=evolve, initial_state=Workshop())


def stream_id(municipality: str, workshop_id: UUID) -> str:
    return f"workshop:{municipality}:{workshop_id}"
