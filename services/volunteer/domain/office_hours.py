"""Open office hours (offene Sprechstunde) with their consultations, and consultations on
their own (an e-mail, a call, an individual appointment). Pure.

An office hour and the consultations recorded for it share one stream, so the quick
entry of many consultations is one append: all of them or none.

An individual consultation may be arranged ahead (`ArrangeConsultation`): its appointment
lives in the stream of the consultation it becomes (same id), so recording the
consultation with the appointment's id settles it in the same append, and a cancelled or
already recorded appointment cannot be recorded (again).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time
from uuid import UUID

from services.volunteer.domain.days import not_in_future
from shared.clock import business_day, business_time
from shared.contracts.volunteer import (
    ConsultationChannel,
    ConsultationHeld,
    ConsultationTopic,
    OfficeHourHeld,
    Visitor,
)
from shared.contracts.volunteer.events import (
    ConsultationAppointed,
    ConsultationAppointmentCancelled,
    ConsultationAppointmentMoved,
)
from shared.decider import Decider, NotFound, RuleViolation
from shared.validation import IdUnavailable


@dataclass(frozen=True)
class Entry:
    """One consultation as entered; tandem and household already checked by the application."""

    consultation_id: UUID
    channel: ConsultationChannel
    visitor: Visitor
    topic: ConsultationTopic
    duration_minutes: int
    tandem_id: UUID | None = None
    household_id: UUID | None = None


@dataclass(frozen=True)
class HoldOfficeHour:
    office_hour_id: UUID
    provider: str
    held_on: date
    duration_minutes: int
    today: date
    consultations: tuple[Entry, ...] = ()


@dataclass(frozen=True)
class RecordConsultations:
    consultations: tuple[Entry, ...]


@dataclass(frozen=True)
class RecordConsultation:
    """A consultation outside an office hour (its own stream)."""

    provider: str
    held_on: date
    today: date
    appointment: bool
    entry: Entry
    # The request names the arranged appointment it settles (the entry carries its id).
    settles: bool = False


@dataclass(frozen=True)
class ArrangeConsultation:
    appointment_id: UUID
    provider: str
    day: date
    at: time
    minutes: int
    attendee: str
    today: date
    tandem_id: UUID | None = None
    household_id: UUID | None = None


@dataclass(frozen=True)
class MoveConsultationAppointment:
    day: date
    at: time
    minutes: int
    attendee: str
    today: date


@dataclass(frozen=True)
class CancelConsultationAppointment:
    today: date


Command = (
    HoldOfficeHour
    | RecordConsultations
    | RecordConsultation
    | ArrangeConsultation
    | MoveConsultationAppointment
    | CancelConsultationAppointment
)
Event = (
    OfficeHourHeld
    | ConsultationHeld
    | ConsultationAppointed
    | ConsultationAppointmentMoved
    | ConsultationAppointmentCancelled
)

PAST_DAY = "Der Termin liegt in der Vergangenheit. Bitte heute oder einen späteren Tag wählen."
NONE_OPEN = "Dieser Einzeltermin ist nicht mehr offen (schon erfasst oder abgesagt)."
APPOINTMENT_UNKNOWN = "Einzeltermin nicht gefunden."
OTHER_PROVIDER = "Der Einzeltermin ist bei einem anderen Träger vereinbart."
TAKEN = "Für diesen Einzeltermin ist schon eine Beratung erfasst."


@dataclass(frozen=True)
class Appointment:
    """A consultation's appointment as arranged (the place is not here: it is in no event)."""

    appointment_id: UUID
    day: date
    at: time
    minutes: int
    attendee: str
    tandem_id: UUID | None
    household_id: UUID | None
    cancelled: bool = False


@dataclass(frozen=True)
class OfficeHour:
    """An office hour, or (without `office_hour_id`) a lone consultation's stream."""

    held: bool = False
    office_hour_id: UUID | None = None
    provider: str | None = None
    held_on: date | None = None
    duration_minutes: int = 0
    consultations: tuple[ConsultationHeld, ...] = ()
    appointment: Appointment | None = None

    @property
    def open_appointment(self) -> Appointment | None:
        """The appointment still to take place: arranged, neither cancelled nor recorded."""
        a = self.appointment
        return None if a is None or a.cancelled or self.consultations else a


def decide(command: Command, state: OfficeHour) -> list[Event]:
    match command:
        case HoldOfficeHour():
            if state.held:
                raise IdUnavailable("already_held")
            not_in_future(command.held_on, command.today, "Der Tag der Sprechstunde")
            held = OfficeHourHeld(
                office_hour_id=command.office_hour_id,
                provider=command.provider,
                duration_minutes=command.duration_minutes,
                occurred_at=business_time(command.held_on),
            )
            return [held, *_consultations(evolve(state, held), command.consultations)]
        case RecordConsultations():
            if not state.held:
                raise NotFound("office_hour", "Sprechstunde nicht gefunden.")
            return list(_consultations(state, command.consultations))
        case RecordConsultation():
            if command.settles:
                _settles(state)
                if command.provider != state.provider:
                    raise RuleViolation("provider_mismatch", OTHER_PROVIDER)
            elif state.consultations or state.appointment is not None:
                raise IdUnavailable("already_recorded")
            not_in_future(command.held_on, command.today, "Der Tag der Beratung")
            appointment = command.appointment or command.settles
            return [_held(command.entry, command.provider, command.held_on, None, appointment)]
        case ArrangeConsultation():
            return _arrange(command, state)
        case MoveConsultationAppointment():
            return _move(command, state)
        case CancelConsultationAppointment():
            open_ = _open(state)
            return [
                ConsultationAppointmentCancelled(
                    appointment_id=open_.appointment_id,
                    occurred_at=business_time(command.today),
                )
            ]


def _settles(state: OfficeHour) -> None:
    if state.appointment is None:
        raise NotFound("appointment", APPOINTMENT_UNKNOWN)
    if state.consultations:
        raise RuleViolation("already_recorded", TAKEN)
    if state.appointment.cancelled:
        raise RuleViolation("no_appointment", NONE_OPEN)


def _open(state: OfficeHour) -> Appointment:
    if state.appointment is None:
        raise NotFound("appointment", APPOINTMENT_UNKNOWN)
    open_ = state.open_appointment
    if open_ is None:
        raise RuleViolation("no_appointment", NONE_OPEN)
    return open_


def _arrange(command: ArrangeConsultation, state: OfficeHour) -> list[Event]:
    known = state.appointment
    if known is not None:
        same = (known.day, known.at, known.minutes, known.attendee) == (
            command.day,
            command.at,
            command.minutes,
            command.attendee,
        )
        if same and state.provider == command.provider:
            return []  # a retry of the same request
        raise IdUnavailable("already_arranged")
    if state.held or state.consultations:
        raise IdUnavailable("already_recorded")
    if command.day < command.today:
        raise RuleViolation("appointment_in_past", PAST_DAY)
    return [
        ConsultationAppointed(
            appointment_id=command.appointment_id,
            provider=command.provider,
            day=command.day,
            at=command.at,
            minutes=command.minutes,
            attendee=command.attendee,
            tandem_id=command.tandem_id,
            household_id=command.household_id,
            occurred_at=business_time(command.today),
        )
    ]


def _move(command: MoveConsultationAppointment, state: OfficeHour) -> list[Event]:
    open_ = _open(state)
    if (open_.day, open_.at, open_.minutes, open_.attendee) == (
        command.day,
        command.at,
        command.minutes,
        command.attendee,
    ):
        return []
    if command.day < command.today:
        raise RuleViolation("appointment_in_past", PAST_DAY)
    return [
        ConsultationAppointmentMoved(
            appointment_id=open_.appointment_id,
            day=command.day,
            at=command.at,
            minutes=command.minutes,
            attendee=command.attendee,
            occurred_at=business_time(command.today),
        )
    ]


def _consultations(state: OfficeHour, entries: tuple[Entry, ...]) -> list[ConsultationHeld]:
    known = {c.consultation_id for c in state.consultations}
    ids = [e.consultation_id for e in entries]
    if len(set(ids)) != len(ids) or known.intersection(ids):
        raise RuleViolation("already_recorded", "Eine dieser Beratungen ist bereits erfasst.")
    assert state.provider and state.held_on
    return [_held(e, state.provider, state.held_on, state.office_hour_id) for e in entries]


def _held(
    entry: Entry, provider: str, day: date, office_hour_id: UUID | None, appointment: bool = False
) -> ConsultationHeld:
    return ConsultationHeld(
        consultation_id=entry.consultation_id,
        provider=provider,
        channel=entry.channel,
        visitor=entry.visitor,
        topic=entry.topic,
        duration_minutes=entry.duration_minutes,
        appointment=appointment,
        office_hour_id=office_hour_id,
        tandem_id=entry.tandem_id,
        household_id=entry.household_id,
        occurred_at=business_time(day),
    )


def evolve(state: OfficeHour, event: Event) -> OfficeHour:
    match event:
        case OfficeHourHeld():
            return OfficeHour(
                held=True,
                office_hour_id=event.office_hour_id,
                provider=event.provider,
                held_on=business_day(event.occurred_at),
                duration_minutes=event.duration_minutes,
            )
        case ConsultationHeld():
            return replace(state, consultations=(*state.consultations, event))
        case ConsultationAppointed():
            appointment = Appointment(
                appointment_id=event.appointment_id,
                day=event.day,
                at=event.at,
                minutes=event.minutes,
                attendee=event.attendee,
                tandem_id=event.tandem_id,
                household_id=event.household_id,
            )
            return replace(state, provider=event.provider, appointment=appointment)
        case ConsultationAppointmentMoved() if state.appointment is not None:
            moved = replace(
                state.appointment,
                day=event.day,
                at=event.at,
                minutes=event.minutes,
                attendee=event.attendee,
            )
            return replace(state, appointment=moved)
        case ConsultationAppointmentCancelled() if state.appointment is not None:
            return replace(state, appointment=replace(state.appointment, cancelled=True))
        case _:
            return state


office_hours = Decider(decide=decide, evolve=evolve, initial_state=OfficeHour())


def stream_id(municipality: str, office_hour_id: UUID) -> str:
    return f"office-hour:{municipality}:{office_hour_id}"


def consultation_stream_id(municipality: str, consultation_id: UUID) -> str:
    return f"consultation:{municipality}:{consultation_id}"
