"""Home visit appointments in the decider: arrange the next visit, move it, cancel it.

A case has at most one open appointment (the next visit); recording the visit
(`HomeVisitDone`) settles it. An appointment is made while the help runs, with the
household's consent, on a day from today until the end of the time limit. The events carry
day, time, length and the pseudonymous attendee; the place stays in prevention's table.
"""

from __future__ import annotations

from services.prevention.domain import case_rules as rules
from services.prevention.domain.case_commands import (
    AppointHomeVisit,
    CancelHomeVisitAppointment,
    MoveHomeVisitAppointment,
)
from services.prevention.domain.case_state import Case, Event
from shared.clock import business_time
from shared.contracts.prevention.events import (
    HomeVisitAppointed,
    HomeVisitAppointmentCancelled,
    HomeVisitAppointmentMoved,
)
from shared.decider import RuleViolation

PAST_DAY = "Der Termin liegt in der Vergangenheit. Bitte heute oder einen späteren Tag wählen."
ALREADY_OPEN = (
    "Für diesen Fall ist schon ein Hausbesuch am {day} vereinbart. "
    "Bitte diesen verschieben oder absagen."
)
NONE_OPEN = "Für diesen Fall ist kein Hausbesuch vereinbart."


def _day(state: Case, command: AppointHomeVisit | MoveHomeVisitAppointment) -> None:
    rules.running(state)
    rules.with_consent(state)
    if command.day < command.today:
        raise RuleViolation("appointment_in_past", PAST_DAY)
    rules.within_time_limit(state, command.day)


def appoint(command: AppointHomeVisit, state: Case) -> list[Event]:
    case_id = rules.running(state)
    open_ = state.appointment
    if open_ is not None:
        same = (open_.appointment_id, open_.day, open_.at, open_.minutes, open_.attendee) == (
            command.appointment_id,
            command.day,
            command.at,
            command.minutes,
            command.attendee,
        )
        if same:
            return []  # a retry of the same request
        raise RuleViolation("appointment_open", ALREADY_OPEN.format(day=rules.german(open_.day)))
    _day(state, command)
    return [
        HomeVisitAppointed(
            case_id=case_id,
            appointment_id=command.appointment_id,
            day=command.day,
            at=command.at,
            minutes=command.minutes,
            attendee=command.attendee,
            occurred_at=business_time(command.today),
        )
    ]


def move(command: MoveHomeVisitAppointment, state: Case) -> list[Event]:
    case_id = rules.running(state)
    open_ = state.appointment
    if open_ is None:
        raise RuleViolation("no_appointment", NONE_OPEN)
    if (open_.day, open_.at, open_.minutes, open_.attendee) == (
        command.day,
        command.at,
        command.minutes,
        command.attendee,
    ):
        return []
    _day(state, command)
    return [
        HomeVisitAppointmentMoved(
            case_id=case_id,
            appointment_id=open_.appointment_id,
            day=command.day,
            at=command.at,
            minutes=command.minutes,
            attendee=command.attendee,
            occurred_at=business_time(command.today),
        )
    ]


def cancel(command: CancelHomeVisitAppointment, state: Case) -> list[Event]:
    case_id = rules.not_finished(state)
    open_ = state.appointment
    if open_ is None:
        raise RuleViolation("no_appointment", NONE_OPEN)
    return [
        HomeVisitAppointmentCancelled(
            case_id=case_id,
            appointment_id=open_.appointment_id,
            occurred_at=business_time(command.today),
        )
    ]
