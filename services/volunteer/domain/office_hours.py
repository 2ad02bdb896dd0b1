"""Open office hours (offene Sprechstunde) with their consultations, and consultations on
their own (an e-mail, a call, an individual appointment). Pure.

An office hour and the consultations recorded for it share one stream, so the quick
entry of many consultations is one append: all of them or none.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
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


Command = HoldOfficeHour | RecordConsultations | RecordConsultation
Event = OfficeHourHeld | ConsultationHeld


@dataclass(frozen=True)
class OfficeHour:
    """An office hour, or (without `office_hour_id`) a lone consultation's stream."""

    held: bool = False
    office_hour_id: UUID | None = None
    provider: str | None = None
    held_on: date | None = None
    duration_minutes: int = 0
    consultations: tuple[ConsultationHeld, ...] = ()


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
            if state.consultations:
                raise IdUnavailable("already_recorded")
            not_in_future(command.held_on, command.today, "Der Tag der Beratung")
            return [
                _held(command.entry, command.provider, command.held_on, None, command.appointment)
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
        case _:
            return state


office_hours = Decider(decide=decide, evolve=evolve, initial_state=OfficeHour())


def stream_id(municipality: str, office_hour_id: UUID) -> str:
    return f"office-hour:{municipality}:{office_hour_id}"


def consultation_stream_id(municipality: str, consultation_id: UUID) -> str:
    return f"consultation:{municipality}:{consultation_id}"
