"""Answers (views) of the intake context. See the package docstring."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from uuid import UUID

from pydantic import (
    AwareDatetime,
    BaseModel,
    Field,
)

from shared.contracts.intake.codes import (
    CriterionRating,
    DeregistrationReason,
    DuplicateStatus,
    ForwardTarget,
    InquiryChannel,
    ReadinessCriterion,
    ReadinessResult,
    ResidenceOutlook,
    SenderKind,
    TriageOutcome,
)
from shared.contracts.intake.consents import ConsentView
from shared.contracts.intake.master_data import CorrectionView
from shared.contracts.intake.privacy import PrivacyStatus
from shared.contracts.intake.requests import Accommodation, Consent, Contact, Member
from shared.contracts.paging import PageInfo


class HouseholdStatus(StrEnum):
    active = "active"
    deregistered = "deregistered"


class MemberView(Member):
    given_name: str | None = None  # as stored: older records stay readable
    family_name: str | None = None
    birth_date: date | None = None
    member_id: UUID
    minor: bool
    left_on: date | None = None


class ReadinessAssessmentView(BaseModel):
    assessment_id: UUID
    assessed_on: date
    criteria: dict[ReadinessCriterion, CriterionRating]
    result: ReadinessResult
    note: str | None


class Deregistration(BaseModel):
    reason: DeregistrationReason
    deregistered_on: date
    note: str | None


class DuplicateView(BaseModel):
    household_id: UUID
    other_household_id: UUID
    status: DuplicateStatus


class Duplicates(BaseModel):
    items: list[DuplicateView]


class AccommodationRecord(Accommodation):
    """Accommodation as stored: read back without today's input checks, so that older
    records stay readable."""

    site: str | None = None


class ConsentRecord(Consent):
    """The consent as stored: read back without today's input checks, so that older
    records stay readable."""

    purpose: str
    given_on: date
    given_by: str
    withdrawn_on: date | None = None


class HouseholdView(BaseModel):
    household_id: UUID
    municipality: str
    provider: str
    status: HouseholdStatus
    registered_on: date
    accommodation: AccommodationRecord
    adults: int
    minors: int
    persons: int
    members: list[MemberView]
    former_members: list[MemberView]
    contact: Contact | None
    note: str | None
    wbs: bool
    wbs_valid_until: date | None
    residence_outlook: ResidenceOutlook
    languages: list[str]
    consent: ConsentRecord | None = Field(
        description="die Einwilligung in die Datenverarbeitung (Zweck data_processing)"
    )
    consents: list[ConsentView] = Field(
        default_factory=list, description="alle Einwilligungen mit Verlauf, älteste zuerst"
    )
    readiness: list[ReadinessAssessmentView] = Field(description="Verlauf, älteste zuerst")
    current_readiness: ReadinessResult | None
    deregistration: Deregistration | None
    possible_duplicates: list[DuplicateView] = Field(description="nur für die Koordination")
    version: int
    privacy: PrivacyStatus | None = Field(
        default=None, description="gelöscht oder eingeschränkt: statt der Namen anzuzeigen"
    )
    caseworker: str | None = Field(
        default=None,
        description="wer zuständig ist: die Kennung (Pseudonym) der Fachkraft; leer: niemand",
    )
    accessible_flat_needed: bool | None = Field(
        default=None, description="braucht eine barrierefreie Wohnung (leer: nicht erfasst)"
    )
    preferred_districts: list[str] = Field(
        default_factory=list, description="Wunsch-Stadtteile (Kennungen); leer: jeder"
    )
    corrections: list[CorrectionView] = Field(
        default_factory=list, description="Berichtigungen (Art. 16 DSGVO), neueste zuerst"
    )


class TriageView(BaseModel):
    outcome: TriageOutcome
    triaged_at: AwareDatetime
    forwarded_to_kind: ForwardTarget | None
    forwarded_to: str | None
    household_id: UUID | None
    note: str | None


class InquirySummary(BaseModel):
    inquiry_id: UUID
    sender_kind: SenderKind
    channel: InquiryChannel
    received_at: AwareDatetime
    first_triaged_at: AwareDatetime | None
    last_outcome: TriageOutcome | None
    household_id: UUID | None = Field(
        default=None, description="der Haushalt, als dessen Fall die Anfrage eröffnet wurde"
    )


class InquiryView(InquirySummary):
    municipality: str
    sender_name: str | None
    contact: Contact | None
    text: str | None
    triage: list[TriageView]
    version: int


class Inquiries(BaseModel):
    items: list[InquirySummary] = Field(description="eine Seite des Posteingangs")
    page: PageInfo
