"""What the prevention service answers with: references, the case view, lists.

Lists carry no personal data; the case view shows it to those who work on the case.
"""

from __future__ import annotations

from datetime import date, time
from uuid import UUID

from pydantic import BaseModel, Field

from shared.contracts.paging import PageInfo
from shared.contracts.placement import LandlordKind
from shared.contracts.prevention.codes import (
    AftercareDeclineReason,
    AftercareStatus,
    CaseOutcome,
    CaseStatus,
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
from shared.contracts.prevention.requests import HouseholdContact


class HouseholdContactRecord(HouseholdContact):
    """The household's contact as stored: read back without today's input checks, so that older
    records stay readable."""

    name: str


class CaseRef(BaseModel):
    case_id: UUID
    version: int
    entry_id: UUID | None = Field(
        default=None, description="Kennung des neuen Eintrags (Hausbesuch, Vermittlung …)"
    )


class AftercareRef(BaseModel):
    household_id: UUID
    status: AftercareStatus
    version: int


class Eligibility(BaseModel):
    checked_on: date
    comparable_help: list[ComparableHelp]
    eligible: bool
    note: str | None


class HomeVisitView(BaseModel):
    visit_id: UUID
    done_on: date
    findings: list[VisitFinding]
    due_on: date | None
    next_visit_due: date
    note: str | None


class MediationView(BaseModel):
    mediation_id: UUID
    held_on: date
    party: MediationParty
    topic: MediationTopic
    outcome: MediationOutcome | None = None
    note: str | None


class NegotiationView(BaseModel):
    negotiation_id: UUID
    held_on: date
    landlord_kind: LandlordKind
    result: NegotiationResult
    note: str | None


class ReferralOutView(BaseModel):
    referral_id: UUID
    referred_on: date
    kind: ReferralOutKind
    note: str | None


class Extension(BaseModel):
    extended_on: date
    previous_ends_on: date
    ends_on: date


class CaseSummary(BaseModel):
    """A case in a list: codes, counts and days, no personal data."""

    case_id: UUID
    provider: str
    status: CaseStatus
    source: ReferralSource
    target_group: TargetGroup
    housing_situation: HousingSituation
    adults: int
    minors: int
    received_on: date
    admitted_on: date | None
    ends_on: date | None
    next_visit_due: date | None
    closed_on: date | None
    outcome: CaseOutcome | None

    def time_limit_passed(self, as_of: date) -> bool:
        """The help still runs, but the day it was granted until lies before `as_of`
        (Befristung abgelaufen): the Fachstelle has to extend it or the case be closed."""
        return (
            self.status is CaseStatus.admitted and self.ends_on is not None and self.ends_on < as_of
        )


class HomeVisitAppointmentView(BaseModel):
    """The case's open home visit appointment; `place` as recorded (personal data)."""

    appointment_id: UUID
    day: date
    at: time
    minutes: int
    attendee: str
    place: str | None


class CaseView(CaseSummary):
    municipality: str
    household_id: UUID | None
    with_children: bool
    contact: HouseholdContactRecord | None
    street_address: str | None
    referred_by: str | None
    note: str | None
    eligibility: Eligibility | None
    rejection_reason: RejectionReason | None
    rejected_on: date | None
    consent_given_on: date | None
    consent_withdrawn_on: date | None
    visit_every_days: int | None
    visit_overdue: bool
    home_visits: list[HomeVisitView]
    mediations: list[MediationView]
    landlord_negotiations: list[NegotiationView]
    referrals_out: list[ReferralOutView]
    extensions: list[Extension]
    closing_note: str | None
    version: int
    erased_on: date | None = Field(
        default=None, description="Tag der Löschung; Kontakt und Notizen zeigen „gelöscht“"
    )
    appointment: HomeVisitAppointmentView | None = Field(
        default=None, description="Der vereinbarte nächste Hausbesuch"
    )


class CaseList(BaseModel):
    cases: list[CaseSummary]
    page: PageInfo


class OverdueVisit(BaseModel):
    case_id: UUID
    provider: str
    next_visit_due: date
    days_overdue: int
    last_visit_on: date | None
    ends_on: date | None


class OverdueVisits(BaseModel):
    as_of: date
    visits: list[OverdueVisit] = Field(description="Am längsten überfällig zuerst")


class AftercareView(BaseModel):
    household_id: UUID
    provider: str
    adults: int
    minors: int
    moved_on: date
    status: AftercareStatus
    decided_on: date | None
    decline_reason: AftercareDeclineReason | None


class AftercareList(BaseModel):
    offers: list[AftercareView]
    page: PageInfo
