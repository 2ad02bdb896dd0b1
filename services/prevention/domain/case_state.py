"""The prevention case's state as rebuilt from its events (`evolve`). Pure: no I/O.

The help acts (home visits, mediations, negotiations, referrals out, extensions) are
kept as their events: the view shows them, and the rules need only their ids and days.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID

from shared.clock import business_day
from shared.contracts.prevention.codes import (
    CaseOutcome,
    CaseStatus,
    ComparableHelp,
    HousingSituation,
    ReferralSource,
    RejectionReason,
    TargetGroup,
)
from shared.contracts.prevention.events import (
    CaseAdmitted,
    CaseClosed,
    CaseExtended,
    CasePersonalDataErased,
    CaseRejected,
    ConsentRecorded,
    ConsentWithdrawn,
    EligibilityChecked,
    HomeVisitAppointed,
    HomeVisitAppointmentCancelled,
    HomeVisitAppointmentMoved,
    HomeVisitDone,
    LandlordNegotiationRecorded,
    MediationRecorded,
    ReferralReceived,
    ReferredOut,
    VisitRhythmPlanned,
)

Event = (
    ReferralReceived
    | EligibilityChecked
    | CaseAdmitted
    | CaseRejected
    | ConsentRecorded
    | ConsentWithdrawn
    | VisitRhythmPlanned
    | HomeVisitDone
    | MediationRecorded
    | LandlordNegotiationRecorded
    | ReferredOut
    | CaseExtended
    | CaseClosed
    | CasePersonalDataErased
    | HomeVisitAppointed
    | HomeVisitAppointmentMoved
    | HomeVisitAppointmentCancelled
)
HelpAct = HomeVisitDone | MediationRecorded | LandlordNegotiationRecorded | ReferredOut


@dataclass(frozen=True)
class Case:
    case_id: UUID | None = None
    provider: str | None = None
    source: ReferralSource | None = None
    target_group: TargetGroup | None = None
    housing_situation: HousingSituation | None = None
    adults: int = 0
    minors: int = 0
    household_id: UUID | None = None
    received_on: date | None = None
    eligibility_checked_on: date | None = None
    comparable_help: tuple[ComparableHelp, ...] = ()
    admitted_on: date | None = None
    ends_on: date | None = None
    rejected_on: date | None = None
    rejection_reason: RejectionReason | None = None
    consent_given_on: date | None = None
    consent_withdrawn_on: date | None = None
    visit_every_days: int | None = None
    next_visit_due: date | None = None
    last_visit_on: date | None = None
    acts: tuple[HelpAct, ...] = ()
    extensions: tuple[CaseExtended, ...] = ()
    closed_on: date | None = None
    outcome: CaseOutcome | None = None
    erased_on: date | None = None
    # The open home visit appointment (at most one): made, perhaps moved; settled by the
    # visit, ended by a cancellation, the closing or the erasure of the case.
    appointment: HomeVisitAppointed | HomeVisitAppointmentMoved | None = None

    @property
    def referred(self) -> bool:
        return self.case_id is not None

    @property
    def status(self) -> CaseStatus:
        if self.closed_on is not None:
            return CaseStatus.closed
        if self.rejected_on is not None:
            return CaseStatus.rejected
        if self.admitted_on is not None:
            return CaseStatus.admitted
        return CaseStatus.referred

    @property
    def consent_active(self) -> bool:
        return self.consent_given_on is not None and self.consent_withdrawn_on is None

    def visit_overdue(self, today: date) -> bool:
        """A running case whose next home visit was due before `today`."""
        return (
            self.status is CaseStatus.admitted
            and self.next_visit_due is not None
            and self.next_visit_due < today
        )

    def entry_ids(self) -> set[UUID]:
        return {_entry_id(act) for act in self.acts}


def _entry_id(act: HelpAct) -> UUID:
    match act:
        case HomeVisitDone():
            return act.visit_id
        case MediationRecorded():
            return act.mediation_id
        case LandlordNegotiationRecorded():
            return act.negotiation_id
        case ReferredOut():
            return act.referral_id


def evolve(state: Case, event: Event) -> Case:
    day = business_day(event.occurred_at)
    match event:
        case ReferralReceived():
            return Case(
                case_id=event.case_id,
                provider=event.provider,
                source=event.source,
                target_group=event.target_group,
                housing_situation=event.housing_situation,
                adults=event.adults,
                minors=event.minors,
                household_id=event.household_id,
                received_on=day,
            )
        case EligibilityChecked():
            return replace(state, eligibility_checked_on=day, comparable_help=event.comparable_help)
        case CaseAdmitted():
            return replace(state, admitted_on=day, ends_on=event.ends_on)
        case CaseRejected():
            return replace(state, rejected_on=day, rejection_reason=event.reason)
        case ConsentRecorded():
            return replace(state, consent_given_on=day, consent_withdrawn_on=None)
        case ConsentWithdrawn():
            return replace(state, consent_withdrawn_on=day)
        case VisitRhythmPlanned():
            return replace(
                state, visit_every_days=event.every_days, next_visit_due=event.next_visit_due
            )
        case HomeVisitDone():
            return replace(
                state,
                appointment=None,
                last_visit_on=day,
                next_visit_due=event.next_visit_due,
                acts=(*state.acts, event),
            )
        case MediationRecorded() | LandlordNegotiationRecorded() | ReferredOut():
            return replace(state, acts=(*state.acts, event))
        case CaseExtended():
            return replace(state, ends_on=event.ends_on, extensions=(*state.extensions, event))
        case CaseClosed():
            return replace(state, closed_on=day, outcome=event.outcome, appointment=None)
        case CasePersonalDataErased():
            return replace(state, erased_on=day, appointment=None)
        case HomeVisitAppointed() | HomeVisitAppointmentMoved():
            return replace(state, appointment=event)
        case HomeVisitAppointmentCancelled():
            return replace(state, appointment=None)
        case _:
            return state
