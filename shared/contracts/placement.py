"""Contracts of the placement context: landlords, offers, proposals, viewings, guarantees,
lease and move. Events carry ids, counts, codes and dates only (DESIGN.md, invariant 6):
a landlord's name and contact person, an offer's street address and every note arrive in
requests and stay in placement's personal-data tables.

One module for the whole context on purpose: a consumer imports everything placement
publishes from here. Sections: codes, events, requests, views.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Annotated, Generic, TypeVar
from uuid import UUID

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    EmailStr,
    Field,
    ValidationInfo,
    field_validator,
)

from shared.contracts.catalog import CONTRACTS
from shared.envelope import DomainEvent

CONTEXT = "placement"
B = TypeVar("B", bound=BaseModel)

# ---------------------------------------------------------------- codes


class LandlordKind(StrEnum):
    municipal_housing_company = "municipal_housing_company"  # e.g. GAG in Köln
    housing_company = "housing_company"
    private = "private"


class OfferSource(StrEnum):
    housing_company_quota = "housing_company_quota"  # Kontingent einer Wohnungsgesellschaft
    private_landlord = "private_landlord"
    volunteer_network = "volunteer_network"  # über Ehrenamtliche im Veedel
    public_relations = "public_relations"  # Öffentlichkeitsarbeit, Vermieterkampagne


class OfferStatus(StrEnum):
    open = "open"
    let = "let"
    withdrawn = "withdrawn"
    expired = "expired"


class WithdrawalReason(StrEnum):
    landlord_withdrew = "landlord_withdrew"
    let_elsewhere = "let_elsewhere"  # the landlord let it outside move-out management
    unsuitable = "unsuitable"
    other = "other"


class LandlordDecision(StrEnum):
    accepted = "accepted"
    declined = "declined"


class ViewingOutcome(StrEnum):
    household_interested = "household_interested"
    household_not_interested = "household_not_interested"
    did_not_take_place = "did_not_take_place"


class GuaranteeKind(StrEnum):
    deposit = "deposit"  # Kautionsübernahme
    rent = "rent"  # Mietübernahme
    security = "security"  # Sicherheitsleistung
    release = "release"  # Freistellung


class GuaranteeAuthority(StrEnum):
    jobcenter = "jobcenter"
    social_office = "social_office"
    housing_office = "housing_office"
    other = "other"


class GuaranteeDecision(StrEnum):
    approved = "approved"
    declined = "declined"


def _decimal_in_steps(step: str, message: str) -> Callable[[object], Decimal]:
    """A parser for amounts that says in German what is wrong (pydantic's own is English)."""
    unit = Decimal(step)

    def parse(value: object) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
            raise ValueError("Zahl erwartet.")
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            raise ValueError("Zahl erwartet, z. B. 650.50.") from None
        if not number.is_finite() or number % unit != 0:
            raise ValueError(message)
        return number

    return parse


Euros = Annotated[
    Decimal,
    BeforeValidator(_decimal_in_steps("0.01", "Höchstens zwei Nachkommastellen (Cent).")),
    Field(ge=0, le=100_000),
]
DistrictCode = Annotated[
    str,
    Field(
        min_length=2,
        max_length=64,
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        description="Kennung des Stadtteils (Veedel), z. B. `ehrenfeld` — keine Adresse",
    ),
]
Rooms = Annotated[
    Decimal,
    BeforeValidator(_decimal_in_steps("0.5", "Zimmer in halben Schritten, z. B. 2 oder 2.5.")),
    Field(ge=1, le=20),
]
SquareMetres = Annotated[
    Decimal,
    BeforeValidator(_decimal_in_steps("0.01", "Höchstens zwei Nachkommastellen.")),
    Field(ge=1, le=1000),
]

# ---------------------------------------------------------------- events


@CONTRACTS.event(CONTEXT)
class LandlordRegistered(DomainEvent):
    """A landlord was taken on; `occurred_at` is the day. Name and contact stay in tables."""

    landlord_id: UUID
    kind: LandlordKind
    cooperation_agreement: bool
    cooperation_agreed_on: date | None = None


@CONTRACTS.event(CONTEXT)
class CooperationAgreementConcluded(DomainEvent):
    """A landlord signed a cooperation agreement on the day in `occurred_at`."""

    landlord_id: UUID


@CONTRACTS.event(CONTEXT)
class OfferReceived(DomainEvent):
    """A flat was offered on the day in `occurred_at`. The street address stays in tables.

    `running_costs` are the cold running costs (kalte Nebenkosten, without heating):
    cold rent plus running costs is the gross cold rent the Jobcenter's limits apply to.
    """

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
    refugee_quota: bool = Field(description="allocated under the refugee guideline")
    accessible: bool
    source: OfferSource


@CONTRACTS.event(CONTEXT)
class OfferWithdrawn(DomainEvent):
    """The offer was withdrawn on the day in `occurred_at`."""

    offer_id: UUID
    reason: WithdrawalReason


@CONTRACTS.event(CONTEXT)
class OfferExpired(DomainEvent):
    """The offer ran out without a placement on the day in `occurred_at`."""

    offer_id: UUID


@CONTRACTS.event(CONTEXT)
class HouseholdProposed(DomainEvent):
    """A household was proposed to the landlord for the offer on the day in `occurred_at`."""

    offer_id: UUID
    household_id: UUID
    provider: str
    adults: int = Field(ge=0)
    minors: int = Field(ge=0)


@CONTRACTS.event(CONTEXT)
class LandlordDecided(DomainEvent):
    """The landlord accepted or declined a proposed household on the day in `occurred_at`."""

    offer_id: UUID
    household_id: UUID
    provider: str
    decision: LandlordDecision
    proposed_on: date = Field(description="so the landlord's answer time can be reported")


@CONTRACTS.event(CONTEXT)
class ViewingScheduled(DomainEvent):
    """A viewing was arranged on the day in `occurred_at`, to take place on `viewing_on`."""

    offer_id: UUID
    viewing_id: UUID
    household_id: UUID
    provider: str
    viewing_on: date


@CONTRACTS.event(CONTEXT)
class ViewingHeld(DomainEvent):
    """A viewing took place (or did not) on the day in `occurred_at`."""

    offer_id: UUID
    viewing_id: UUID
    household_id: UUID
    provider: str
    outcome: ViewingOutcome
    accompanied_by_tandem: bool
    tandem_id: UUID | None = None


@CONTRACTS.event(CONTEXT)
class GuaranteeRequested(DomainEvent):
    """A guarantee was requested from an authority on the day in `occurred_at`."""

    offer_id: UUID
    guarantee_id: UUID
    household_id: UUID
    provider: str
    kind: GuaranteeKind
    requested_from: GuaranteeAuthority


@CONTRACTS.event(CONTEXT)
class GuaranteeDecided(DomainEvent):
    """The authority decided a guarantee on the day in `occurred_at`.

    Kind, authority and request day are repeated so the days an authority takes can be
    reported from this event alone.
    """

    offer_id: UUID
    guarantee_id: UUID
    household_id: UUID
    provider: str
    kind: GuaranteeKind
    requested_from: GuaranteeAuthority
    requested_on: date
    decision: GuaranteeDecision


@CONTRACTS.event(CONTEXT)
class PlacementCompleted(DomainEvent):
    """A household moved into a flat of its own. `occurred_at` is the day the lease was signed."""

    household_id: UUID
    offer_id: UUID
    landlord_id: UUID
    landlord_kind: LandlordKind
    provider: str
    adults: int = Field(ge=0)
    minors: int = Field(ge=0)
    refugee_quota: bool = Field(
        description="allocated under the refugee guideline (Richtlinie Flü)"
    )
    volunteer_supported: bool = Field(description="a volunteer tandem supported this placement")
    wbs_required: bool
    household_had_wbs: bool
    moved_on: date

    @property
    def persons(self) -> int:
        return self.adults + self.minors


# ---------------------------------------------------------------- requests

_CLIENT_ID = "Optional: vom Client vergebene Kennung (idempotente Wiederholung)"
_TODAY = "Tag des Geschehens; ohne Angabe heute"


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ContactPerson(_Request):
    """Ansprechperson beim Vermieter: personenbezogene Daten, nur in Tabellen."""

    name: str = Field(min_length=1, max_length=200, description="Name der Ansprechperson")
    phone: str | None = Field(default=None, max_length=40, pattern=r"^[0-9 +()/-]{4,40}$")
    email: EmailStr | None = None


class RegisterLandlord(_Request):
    """Nimmt einen Vermieter auf."""

    landlord_id: UUID | None = Field(default=None, description=_CLIENT_ID)
    kind: LandlordKind = Field(description="Art des Vermieters")
    name: str = Field(min_length=1, max_length=200, description="Name oder Firma")
    contact_person: ContactPerson | None = None
    cooperation_agreement: bool = Field(default=False, description="Kooperationsvereinbarung")
    cooperation_agreed_on: date | None = Field(
        default=None, validate_default=True, description="Tag der Kooperationsvereinbarung"
    )
    registered_on: date | None = Field(default=None, description=_TODAY)
    note: str | None = Field(default=None, max_length=4000, description="Freitext-Notiz")

    @field_validator("cooperation_agreed_on")
    @classmethod
    def _agreed_on_with_agreement(cls, value: date | None, info: ValidationInfo) -> date | None:
        agreement = info.data.get("cooperation_agreement", False)
        if agreement and value is None:
            raise ValueError("Bitte den Tag der Kooperationsvereinbarung angeben.")
        if not agreement and value is not None:
            raise ValueError("Ein Datum gibt es nur mit Kooperationsvereinbarung.")
        return value


class ConcludeCooperation(_Request):
    """Hält eine Kooperationsvereinbarung mit dem Vermieter fest."""

    agreed_on: date = Field(description="Tag der Vereinbarung")


class ReceiveOffer(_Request):
    """Nimmt ein Wohnungsangebot auf."""

    offer_id: UUID | None = Field(default=None, description=_CLIENT_ID)
    landlord_id: UUID
    district: DistrictCode
    street_address: str | None = Field(
        default=None, max_length=200, description="Anschrift der Wohnung (nur in Tabellen)"
    )
    rooms: Rooms = Field(description="Zimmer (halbe Zimmer erlaubt)")
    size_m2: SquareMetres = Field(description="Wohnfläche in m²")
    cold_rent: Euros = Field(description="Kaltmiete in Euro")
    running_costs: Euros = Field(description="Kalte Nebenkosten in Euro (ohne Heizung)")
    available_from: date = Field(description="Bezugsfertig ab")
    wbs_required: bool = Field(description="Wohnberechtigungsschein nötig")
    refugee_quota: bool = Field(default=False, description="Nach der Richtlinie Flü vergeben")
    accessible: bool = Field(default=False, description="Barrierefrei")
    source: OfferSource = Field(description="Woher das Angebot kam")
    received_on: date | None = Field(default=None, description=_TODAY)
    note: str | None = Field(default=None, max_length=4000, description="Freitext-Notiz")


class WithdrawOffer(_Request):
    """Zieht ein Angebot zurück."""

    reason: WithdrawalReason
    withdrawn_on: date | None = Field(default=None, description=_TODAY)


class ExpireOffer(_Request):
    """Hält fest, dass ein Angebot ohne Vermittlung abgelaufen ist."""

    expired_on: date | None = Field(default=None, description=_TODAY)


class ProposeHouseholds(_Request):
    """Schlägt dem Vermieter einen oder mehrere Haushalte vor."""

    household_ids: list[UUID] = Field(min_length=1, max_length=20)
    proposed_on: date | None = Field(default=None, description=_TODAY)

    @field_validator("household_ids")
    @classmethod
    def _distinct(cls, value: list[UUID]) -> list[UUID]:
        if len(set(value)) != len(value):
            raise ValueError("Jeder Haushalt darf nur einmal vorgeschlagen werden.")
        return value


class RecordLandlordDecision(_Request):
    """Hält die Entscheidung des Vermieters über einen vorgeschlagenen Haushalt fest."""

    household_id: UUID
    decision: LandlordDecision
    decided_on: date | None = Field(default=None, description=_TODAY)


class ScheduleViewing(_Request):
    """Vereinbart eine Besichtigung."""

    viewing_id: UUID | None = Field(default=None, description=_CLIENT_ID)
    household_id: UUID
    viewing_on: date = Field(description="Tag der Besichtigung")


class RecordViewing(_Request):
    """Hält fest, wie eine Besichtigung verlaufen ist."""

    viewing_id: UUID
    held_on: date | None = Field(default=None, description=_TODAY)
    outcome: ViewingOutcome
    accompanied_by_tandem: bool = Field(default=False, description="Von einem Tandem begleitet")
    tandem_id: UUID | None = Field(default=None, validate_default=True)

    @field_validator("tandem_id")
    @classmethod
    def _tandem_only_if_accompanied(cls, value: UUID | None, info: ValidationInfo) -> UUID | None:
        if value is not None and not info.data.get("accompanied_by_tandem", False):
            raise ValueError("Ein Tandem gibt es nur, wenn die Besichtigung begleitet wurde.")
        return value


class RequestGuarantee(_Request):
    """Beantragt eine Kautions-, Mietübernahme, Sicherheitsleistung oder Freistellung."""

    guarantee_id: UUID | None = Field(default=None, description=_CLIENT_ID)
    household_id: UUID
    kind: GuaranteeKind
    requested_from: GuaranteeAuthority = Field(description="Bei wem beantragt")
    requested_on: date | None = Field(default=None, description=_TODAY)


class DecideGuarantee(_Request):
    """Hält die Entscheidung über eine beantragte Übernahme fest."""

    guarantee_id: UUID
    decision: GuaranteeDecision
    decided_on: date | None = Field(default=None, description=_TODAY)


class CompletePlacement(_Request):
    """Mietvertrag unterschrieben und eingezogen: die Vermittlung ist abgeschlossen."""

    household_id: UUID
    lease_signed_on: date = Field(description="Tag der Unterschrift unter den Mietvertrag")
    moved_on: date = Field(description="Tag des Einzugs")

    @field_validator("moved_on")
    @classmethod
    def _not_before_lease(cls, value: date, info: ValidationInfo) -> date:
        signed = info.data.get("lease_signed_on")
        if signed is not None and value < signed:
            raise ValueError(
                "Der Einzug kann nicht vor der Unterschrift unter den Mietvertrag liegen."
            )
        return value


class RentLimit(_Request):
    """Mietrichtwert des Jobcenters für eine Haushaltsgröße (Bruttokaltmiete)."""

    persons: int = Field(ge=1, le=20)
    max_gross_cold_rent: Euros
    max_size_m2: SquareMetres | None = None


class PlacementRules(_Request):
    """Regeln einer Kommune: Mietrichtwerte und ab wann ein Fall als festgefahren gilt."""

    proposal_stall_days: int = Field(ge=1, le=365, description="Tage ohne Antwort des Vermieters")
    guarantee_stall_days: int = Field(ge=1, le=365, description="Tage ohne Entscheidung")
    rent_limits: list[RentLimit] = Field(default_factory=list, max_length=20)
    extra_person_rent: Euros | None = Field(default=None, description="je weitere Person")
    extra_person_m2: SquareMetres | None = Field(default=None, description="je weitere Person")

    @field_validator("rent_limits")
    @classmethod
    def _one_per_size(cls, value: list[RentLimit]) -> list[RentLimit]:
        if len({limit.persons for limit in value}) != len(value):
            raise ValueError("Je Haushaltsgröße darf es nur einen Mietrichtwert geben.")
        return value


# RPC envelopes: what the gateway forwards, with the id from the path.


class OfferCommand(BaseModel, Generic[B]):
    """A command on one offer as forwarded over NATS: the offer from the path, the body."""

    offer_id: UUID
    body: B


class LandlordCommand(BaseModel, Generic[B]):
    """A command on one landlord as forwarded over NATS: the landlord from the path, the body."""

    landlord_id: UUID
    body: B


class LandlordRef(BaseModel):
    landlord_id: UUID


class OfferRef(BaseModel):
    offer_id: UUID
    version: int = 0


class ViewingRef(OfferRef):
    viewing_id: UUID


class GuaranteeRef(OfferRef):
    guarantee_id: UUID


class GetOffers(BaseModel):
    status: OfferStatus | None = Field(default=OfferStatus.open, description="Nur dieser Stand")
    district: str | None = Field(default=None, description="Nur dieser Stadtteil")


class OfferMatchesQuery(BaseModel):
    offer_id: UUID
    fits_only: bool = Field(default=False, description="Nur passende Haushalte")


class HouseholdOffersQuery(BaseModel):
    household_id: UUID
    fits_only: bool = Field(default=True, description="Nur passende Angebote")


class StalledQuery(BaseModel):
    as_of: date | None = Field(default=None, description="Stichtag; ohne Angabe heute")


class GetLandlord(BaseModel):
    landlord_id: UUID


class ListLandlords(BaseModel):
    pass


class GetRules(BaseModel):
    pass


class GetOffer(BaseModel):
    offer_id: UUID


# ---------------------------------------------------------------- views


class LandlordView(BaseModel):
    landlord_id: UUID
    kind: LandlordKind
    name: str | None
    contact_person: ContactPerson | None
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
    held_on: date | None
    outcome: ViewingOutcome | None
    accompanied_by_tandem: bool


class GuaranteeView(BaseModel):
    guarantee_id: UUID
    household_id: UUID
    kind: GuaranteeKind
    requested_from: GuaranteeAuthority
    requested_on: date
    decision: GuaranteeDecision | None
    decided_on: date | None


class OfferView(OfferFacts):
    """One offer with everything that happened to it (for a caseworker: their households)."""

    street_address: str | None
    note: str | None
    closed_on: date | None
    let_to: UUID | None
    proposals: list[ProposalView]
    viewings: list[ViewingView]
    guarantees: list[GuaranteeView]
    version: int


class OfferList(BaseModel):
    offers: list[OfferFacts]


class Verdict(StrEnum):
    fits = "fits"
    does_not_fit = "does_not_fit"
    unknown = "unknown"  # not known yet: does not exclude, but needs a look


class Check(BaseModel):
    """One criterion of a match, with the reason in words a caseworker reads."""

    criterion: str
    verdict: Verdict
    reason: str


class HouseholdMatch(BaseModel):
    household_id: UUID
    provider: str
    adults: int
    minors: int
    fits: bool
    already_proposed: bool
    checks: list[Check]


class OfferMatches(BaseModel):
    offer_id: UUID
    matches: list[HouseholdMatch]


class OfferMatch(BaseModel):
    offer: OfferFacts
    fits: bool
    already_proposed: bool
    checks: list[Check]


class HouseholdOffers(BaseModel):
    household_id: UUID
    offers: list[OfferMatch]


class StalledProposal(BaseModel):
    offer_id: UUID
    household_id: UUID
    provider: str
    proposed_on: date
    days_waiting: int


class StalledGuarantee(BaseModel):
    offer_id: UUID
    guarantee_id: UUID
    household_id: UUID
    provider: str
    kind: GuaranteeKind
    requested_from: GuaranteeAuthority
    requested_on: date
    days_waiting: int


class StalledCases(BaseModel):
    """Proposals without a landlord's answer and guarantees without a decision, too long."""

    as_of: date
    proposal_stall_days: int
    guarantee_stall_days: int
    proposals: list[StalledProposal]
    guarantees: list[StalledGuarantee]
