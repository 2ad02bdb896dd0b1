"""Answers (views) of the placement context. See the package docstring."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel, Field

from shared.contracts.paging import PageInfo
from shared.contracts.placement.codes import (
    GuaranteeAuthority,
    GuaranteeDecision,
    GuaranteeFunding,
    GuaranteeKind,
    LandlordDecision,
    LandlordKind,
    OfferSource,
    OfferStatus,
    ViewingOutcome,
)
from shared.contracts.placement.requests import ContactPerson


class ContactPersonRecord(ContactPerson):
    """The contact person as stored: read back without today's input checks, so that older
    records stay readable."""

    name: str


class LandlordView(BaseModel):
    landlord_id: UUID
    kind: LandlordKind
    name: str | None
    contact_person: ContactPersonRecord | None
    cooperation_agreement: bool
    cooperation_agreed_on: date | None
    registered_on: date


class LandlordList(BaseModel):
    landlords: list[LandlordView]


class OfferFacts(BaseModel):
    """What an offer is, without personal data."""

    offer_id: UUID
    landlord_id: UUID
    landlord_kind: LandlordKind
    district: str
    rooms: Decimal
    size_m2: Decimal
    cold_rent: Decimal
    running_costs: Decimal
    available_from: date
    wbs_required: bool
    refugee_quota: bool
    accessible: bool
    source: OfferSource
    received_on: date
    status: OfferStatus


class ProposalView(BaseModel):
    household_id: UUID
    provider: str
    proposed_on: date
    decision: LandlordDecision | None
    decided_on: date | None


class ViewingView(BaseModel):
    viewing_id: UUID
    household_id: UUID
    viewing_on: date
    viewing_at: time | None = Field(default=None, description="Uhrzeit (nicht erfasst: leer)")
    held_on: date | None
    outcome: ViewingOutcome | None
    accompanied_by_tandem: bool
    place: str | None = Field(default=None, description="Treffpunkt, wie festgehalten")


class GuaranteeView(BaseModel):
    guarantee_id: UUID
    household_id: UUID
    kind: GuaranteeKind
    requested_from: GuaranteeAuthority
    requested_on: date
    amount: Decimal | None = Field(default=None, description="Beantragter Betrag in Euro")
    funding: GuaranteeFunding | None = Field(default=None, description="Beantragt als")
    decision: GuaranteeDecision | None
    decided_on: date | None
    granted_amount: Decimal | None = Field(default=None, description="Bewilligter Betrag")
    granted_funding: GuaranteeFunding | None = Field(default=None, description="Bewilligt als")


class LeaseView(BaseModel):
    """The lease in force on a let flat. Rent and size are None on a lease recorded before
    they were asked for (not recorded)."""

    household_id: UUID
    lease_signed_on: date
    moved_on: date
    gross_cold_rent: Decimal | None
    warm_rent: Decimal | None
    size_m2: Decimal | None


class OfferView(OfferFacts):
    """One offer with everything that happened to it (for a caseworker: their households)."""

    street_address: str | None
    note: str | None
    closed_on: date | None
    let_to: UUID | None
    proposals: list[ProposalView]
    viewings: list[ViewingView]
    guarantees: list[GuaranteeView]
    lease: LeaseView | None = Field(default=None, description="Der Mietvertrag, wenn vermietet")
    version: int


class OfferList(BaseModel):
    offers: list[OfferFacts]
    page: PageInfo


class Verdict(StrEnum):
    fits = "fits"
    does_not_fit = "does_not_fit"
    unknown = "unknown"  # not known yet: does not exclude, but needs a look


class Check(BaseModel):
    """One criterion of a match, with the reason in words a caseworker reads."""

    criterion: str
    verdict: Verdict
    reason: str
    # The reason as a template (labels.MATCH_REASON) and its values in neutral form, for a
    # page in another language than German (shared/contracts/placement/reasons.py).
    reason_code: str | None = None
    values: dict[str, str] = Field(default_factory=dict)


class HouseholdMatch(BaseModel):
    household_id: UUID
    provider: str
    adults: int
    minors: int
    registered_on: date = Field(description="Sucht seit (Tag der Aufnahme)")
    fits: bool
    misfits: int = Field(ge=0, description="Kriterien, die nicht passen")
    unknowns: int = Field(ge=0, description="Kriterien, die unklar sind")
    already_proposed: bool
    checks: list[Check]


class OfferMatches(BaseModel):
    """One page of the households still looking, in the order the query asked for."""

    offer_id: UUID
    matches: list[HouseholdMatch]
    page: PageInfo
    fitting: int = Field(ge=0, description="Passende Haushalte auf allen Seiten")


class OfferMatch(BaseModel):
    offer: OfferFacts
    fits: bool
    already_proposed: bool
    checks: list[Check]


class HouseholdOffers(BaseModel):
    household_id: UUID
    offers: list[OfferMatch]


class CourseStep(StrEnum):
    """A step of a household's way through placement, as the household page shows it."""

    proposed = "proposed"
    landlord_accepted = "landlord_accepted"
    landlord_declined = "landlord_declined"
    viewing_scheduled = "viewing_scheduled"
    viewing_held = "viewing_held"
    guarantee_requested = "guarantee_requested"
    guarantee_approved = "guarantee_approved"
    guarantee_declined = "guarantee_declined"
    lease_signed = "lease_signed"
    placement_retracted = "placement_retracted"


class CourseEntry(BaseModel):
    on: date
    step: CourseStep
    offer_id: UUID
    district: str
    detail: str | None = Field(
        default=None, description="Code zum Schritt: Art der Übernahme, Ergebnis, Grund"
    )
    by: str | None = Field(default=None, description="Bei wem beantragt (Übernahmen)")
    at: time | None = Field(default=None, description="Uhrzeit (Besichtigung)")
    amount: Decimal | None = Field(
        default=None,
        description="Euro: beantragt/bewilligt (Übernahme), Bruttokaltmiete (Mietvertrag)",
    )
    funding: GuaranteeFunding | None = Field(default=None, description="Darlehen oder Beihilfe")


class HouseholdCourse(BaseModel):
    """Everything placement did with one household, oldest first."""

    household_id: UUID
    entries: list[CourseEntry]
