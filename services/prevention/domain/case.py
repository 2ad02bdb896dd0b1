"""The prevention case decider: every command on a Wohnintegrationshilfe case, routed to
the rule that decides it. Pure: no I/O, no personal data."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from services.prevention.domain import case_appointments as appointments
from services.prevention.domain import case_decisions as course
from services.prevention.domain import case_ending as ending
from services.prevention.domain import case_erasure as erasure
from services.prevention.domain import case_help as help_acts
from services.prevention.domain.case_commands import (
    AdmitCase,
    AppointHomeVisit,
    CancelHomeVisitAppointment,
    CheckEligibility,
    CloseCase,
    Command,
    ErasePersonalData,
    ExtendCase,
    MoveHomeVisitAppointment,
    PlanVisitRhythm,
    ReceiveReferral,
    RecordConsent,
    RecordHomeVisit,
    RecordLandlordNegotiation,
    RecordMediation,
    ReferOut,
    RejectCase,
    WithdrawConsent,
)
from services.prevention.domain.case_state import Case, Event, evolve
from shared.decider import Decider

__all__ = ["Case", "Command", "Event", "case", "stream_id"]


def decide(command: Command, state: Case) -> Sequence[Event]:
    match command:
        case ReceiveReferral():
            return course.receive(command, state)
        case CheckEligibility():
            return course.check_eligibility(command, state)
        case AdmitCase():
            return course.admit(command, state)
        case RejectCase():
            return course.reject(command, state)
        case RecordConsent():
            return ending.record_consent(command, state)
        case WithdrawConsent():
            return ending.withdraw_consent(command, state)
        case ExtendCase():
            return course.extend(command, state)
        case CloseCase():
            return ending.close(command, state)
        case PlanVisitRhythm():
            return help_acts.plan_rhythm(command, state)
        case RecordHomeVisit():
            return help_acts.record_visit(command, state)
        case RecordMediation():
            return help_acts.record_mediation(command, state)
        case RecordLandlordNegotiation():
            return help_acts.record_negotiation(command, state)
        case ReferOut():
            return help_acts.refer_out(command, state)
        case ErasePersonalData():
            return erasure.erase(command, state)
        case AppointHomeVisit():
            return appointments.appoint(command, state)
        case MoveHomeVisitAppointment():
            return appointments.move(command, state)
        case CancelHomeVisitAppointment():
            return appointments.cancel(command, state)


case: Decider[Command, Event, Case] = Decider(decide=decide, evolve=evolve, initial_state=Case())


def stream_id(municipality: str, case_id: UUID) -> str:
    """Streams are named per municipality, so another tenant's id finds nothing."""
    return f"case:{municipality}:{case_id}"
