"""Commands of the prevention case: what staff ask the Wohnintegrationshilfe to do.

Commands carry ids, codes, counts and days only; the application keeps names, the
address, contact data and notes out of them. `today` is the day the command is decided
on, so that "not in the future" is a pure rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from uuid import UUID

from shared.contracts.intake.codes import ErasureGround
from shared.contracts.placement import LandlordKind
from shared.contracts.prevention.codes import (
    CaseOutcome,
    ComparableHelp,
    HousingSituation,
    MediationOutcome,
    MediationParty,
    MediationTopic,
    NegotiationResult,
    ReferralOutKind,
    ReferralSource,
    RejectionReason,
    TargetGroup,
    VisitFinding,
)


@dataclass(frozen=True)
class ReceiveReferral:
    case_id: UUID
    provider: str
    source: ReferralSource
    target_group: TargetGroup
    housing_situation: HousingSituation
    adults: int
    minors: int
    received_on: date
    today: date
    household_id: UUID | None = None


@dataclass(frozen=True)
class CheckEligibility:
    comparable_help: tuple[ComparableHelp, ...]
    checked_on: date
    today: date


@dataclass(frozen=True)
class AdmitCase:
    admitted_on: date
    ends_on: date
    today: date


@dataclass(frozen=True)
class RejectCase:
    reason: RejectionReason
    rejected_on: date
    today: date


@dataclass(frozen=True)
class RecordConsent:
    given_on: date
    today: date


@dataclass(frozen=True)
class WithdrawConsent:
    withdrawn_on: date
    today: date


@dataclass(frozen=True)
class PlanVisitRhythm:
    every_days: int
    planned_on: date
    today: date
    next_visit_due: date | None = None


@dataclass(frozen=True)
class RecordHomeVisit:
    visit_id: UUID
    done_on: date
    findings: tuple[VisitFinding, ...]
    today: date
    next_visit_due: date | None = None


@dataclass(frozen=True)
class RecordMediation:
    mediation_id: UUID
    party: MediationParty
    topic: MediationTopic
    held_on: date
    today: date
    outcome: MediationOutcome | None = None


@dataclass(frozen=True)
class RecordLandlordNegotiation:
    negotiation_id: UUID
    landlord_kind: LandlordKind
    result: NegotiationResult
    held_on: date
    today: date


@dataclass(frozen=True)
class ReferOut:
    referral_id: UUID
    kind: ReferralOutKind
    referred_on: date
    today: date


@dataclass(frozen=True)
class ExtendCase:
    ends_on: date
    extended_on: date
    today: date


@dataclass(frozen=True)
class CloseCase:
    outcome: CaseOutcome
    closed_on: date
    today: date


@dataclass(frozen=True)
class ErasePersonalData:
    ground: ErasureGround
    today: date


@dataclass(frozen=True)
class AppointHomeVisit:
    """Arrange the next home visit: `attendee` is the pseudonymous id of who goes."""

    appointment_id: UUID
    day: date
    at: time
    minutes: int
    attendee: str
    today: date


@dataclass(frozen=True)
class MoveHomeVisitAppointment:
    day: date
    at: time
    minutes: int
    attendee: str
    today: date


@dataclass(frozen=True)
class CancelHomeVisitAppointment:
    today: date


Command = (
    ReceiveReferral
    | CheckEligibility
    | AdmitCase
    | RejectCase
    | RecordConsent
    | WithdrawConsent
    | PlanVisitRhythm
    | RecordHomeVisit
    | RecordMediation
    | RecordLandlordNegotiation
    | ReferOut
    | ExtendCase
    | CloseCase
    | ErasePersonalData
    | AppointHomeVisit
    | MoveHomeVisitAppointment
    | CancelHomeVisitAppointment
)
