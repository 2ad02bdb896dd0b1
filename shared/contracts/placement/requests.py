"""Requests of the placement context. See the package docstring."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal
from uuid import UUID

from pydantic import (
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    ValidationInfo,
    field_validator,
)

from shared.contracts.inputs import Line, Text, WorkDay
from shared.contracts.paging import PageQuery
from shared.contracts.placement.codes import (
    ClockTime,
    DistrictCode,
    Euros,
    GuaranteeAuthority,
    GuaranteeDecision,
    GuaranteeFunding,
    GuaranteeKind,
    LandlordDecision,
    LandlordKind,
    OfferSource,
    OfferStatus,
    RetractionReason,
    Rooms,
    SquareMetres,
    ViewingOutcome,
    WithdrawalReason,
)

_NO_AMOUNT = "Bitte einen Betrag über 0 € eingeben, z. B. 1.950,00."
WARM_BELOW_COLD = "Die Warmmiete kann nicht unter der Bruttokaltmiete liegen."
_CLIENT_ID = "Optional: vom Client vergebene Kennung (idempotente Wiederholung)"
_TODAY = "Tag des Geschehens; ohne Angabe heute"


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ContactPerson(_Request):
    """Ansprechperson beim Vermieter: personenbezogene Daten, nur in Tabellen."""

    name: Line = Field(min_length=1, max_length=200, description="Name der Ansprechperson")
    phone: str | None = Field(default=None, max_length=40, pattern=r"^[0-9 +()/-]{4,40}$")
    email: EmailStr | None = None


class RegisterLandlord(_Request):
    """Nimmt einen Vermieter auf."""

    landlord_id: UUID | None = Field(default=None, description=_CLIENT_ID)
    kind: LandlordKind = Field(description="Art des Vermieters")
    name: Line = Field(min_length=1, max_length=200, description="Name oder Firma")
    contact_person: ContactPerson | None = None
    cooperation_agreement: bool = Field(default=False, description="Kooperationsvereinbarung")
    cooperation_agreed_on: WorkDay | None = Field(
        default=None, validate_default=True, description="Tag der Kooperationsvereinbarung"
    )
    registered_on: WorkDay | None = Field(default=None, description=_TODAY)
    note: Text | None = Field(default=None, max_length=4000, description="Freitext-Notiz")

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

    agreed_on: WorkDay = Field(description="Tag der Vereinbarung")


class ReceiveOffer(_Request):
    """Nimmt ein Wohnungsangebot auf."""

    offer_id: UUID | None = Field(default=None, description=_CLIENT_ID)
    landlord_id: UUID
    district: DistrictCode
    street_address: Line | None = Field(
        default=None, max_length=200, description="Anschrift der Wohnung (nur in Tabellen)"
    )
    rooms: Rooms = Field(description="Zimmer (halbe Zimmer erlaubt)")
    size_m2: SquareMetres = Field(description="Wohnfläche in m²")
    cold_rent: Euros = Field(description="Kaltmiete in Euro")
    running_costs: Euros = Field(description="Kalte Nebenkosten in Euro (ohne Heizung)")
    available_from: WorkDay = Field(description="Bezugsfertig ab")
    wbs_required: bool = Field(description="Wohnberechtigungsschein nötig")
    refugee_quota: bool = Field(default=False, description="Nach der Richtlinie Flü vergeben")
    accessible: bool = Field(default=False, description="Barrierefrei")
    source: OfferSource = Field(description="Woher das Angebot kam")
    received_on: WorkDay | None = Field(default=None, description=_TODAY)
    note: Text | None = Field(default=None, max_length=4000, description="Freitext-Notiz")


class WithdrawOffer(_Request):
    """Zieht ein Angebot zurück."""

    reason: WithdrawalReason
    withdrawn_on: WorkDay | None = Field(default=None, description=_TODAY)


class ExpireOffer(_Request):
    """Hält fest, dass ein Angebot ohne Vermittlung abgelaufen ist."""

    expired_on: WorkDay | None = Field(default=None, description=_TODAY)


class ProposeHouseholds(_Request):
    """Schlägt dem Vermieter einen oder mehrere Haushalte vor."""

    household_ids: list[UUID] = Field(min_length=1, max_length=20)
    proposed_on: WorkDay | None = Field(default=None, description=_TODAY)

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
    decided_on: WorkDay | None = Field(default=None, description=_TODAY)


class ScheduleViewing(_Request):
    """Vereinbart eine Besichtigung."""

    viewing_id: UUID | None = Field(default=None, description=_CLIENT_ID)
    household_id: UUID
    viewing_on: WorkDay = Field(description="Tag der Besichtigung")
    viewing_at: ClockTime | None = Field(default=None, description="Uhrzeit, z. B. 14:30")
    # Personal data (possibly a private landlord's address): kept in placement's table.
    place: Line | None = Field(
        default=None, max_length=300, description="Treffpunkt, z. B. Anschrift oder Hauseingang"
    )


class RecordViewing(_Request):
    """Hält fest, wie eine Besichtigung verlaufen ist."""

    viewing_id: UUID
    held_on: WorkDay | None = Field(default=None, description=_TODAY)
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
    requested_on: WorkDay | None = Field(default=None, description=_TODAY)
    amount: Euros | None = Field(default=None, description="Beantragter Betrag in Euro")
    funding: GuaranteeFunding | None = Field(
        default=None, description="Als Darlehen (zurückzuzahlen) oder als Beihilfe"
    )

    @field_validator("amount")
    @classmethod
    def _amount_above_zero(cls, value: Decimal | None) -> Decimal | None:
        if value is not None and value <= 0:
            raise ValueError(_NO_AMOUNT)
        return value


class DecideGuarantee(_Request):
    """Hält die Entscheidung über eine beantragte Übernahme fest. Bei einer Bewilligung
    gelten ohne Angabe der beantragte Betrag und die beantragte Form (Darlehen/Beihilfe)."""

    guarantee_id: UUID
    decision: GuaranteeDecision
    decided_on: WorkDay | None = Field(default=None, description=_TODAY)
    granted_amount: Euros | None = Field(
        default=None, validate_default=True, description="Bewilligter Betrag in Euro"
    )
    funding: GuaranteeFunding | None = Field(
        default=None, validate_default=True, description="Bewilligt als Darlehen oder Beihilfe"
    )

    @field_validator("granted_amount", "funding")
    @classmethod
    def _only_if_approved(cls, value: object, info: ValidationInfo) -> object:
        if value is not None and info.data.get("decision") is GuaranteeDecision.declined:
            raise ValueError("Das gibt es nur bei einer Bewilligung; bitte leer lassen.")
        if isinstance(value, Decimal) and value <= 0:
            raise ValueError(_NO_AMOUNT)
        return value


class CompletePlacement(_Request):
    """Mietvertrag unterschrieben und eingezogen: die Vermittlung ist abgeschlossen.
    Bruttokaltmiete und Wohnfläche des Vertrags: ohne Angabe die des Angebots."""

    household_id: UUID
    lease_signed_on: WorkDay = Field(description="Tag der Unterschrift unter den Mietvertrag")
    moved_on: WorkDay = Field(description="Tag des Einzugs")
    gross_cold_rent: Euros | None = Field(
        default=None, description="Bruttokaltmiete laut Vertrag (Kaltmiete + kalte Nebenkosten)"
    )
    warm_rent: Euros | None = Field(
        default=None, description="Warmmiete laut Vertrag (mit Heizkosten), falls bekannt"
    )
    size_m2: SquareMetres | None = Field(default=None, description="Wohnfläche laut Vertrag")
    rent_confirmed: bool = Field(
        default=False,
        description="Die Miete liegt weit über dem Mietrichtwert und ist so richtig (geprüft)",
    )

    @field_validator("gross_cold_rent", "warm_rent")
    @classmethod
    def _rent_above_zero(cls, value: Decimal | None, info: ValidationInfo) -> Decimal | None:
        if value is not None and value <= 0:
            raise ValueError("Die Miete muss größer als 0 € sein.")
        cold = info.data.get("gross_cold_rent")
        if info.field_name == "warm_rent" and value is not None and cold and value < cold:
            raise ValueError(WARM_BELOW_COLD)
        return value

    @field_validator("moved_on")
    @classmethod
    def _not_before_lease(cls, value: date, info: ValidationInfo) -> date:
        signed = info.data.get("lease_signed_on")
        if signed is not None and value < signed:
            raise ValueError(
                "Der Einzug kann nicht vor der Unterschrift unter den Mietvertrag liegen."
            )
        return value


class RetractPlacement(_Request):
    """Nimmt eine irrtümlich erfasste Vermittlung zurück (Korrektur): die Wohnung ist
    wieder frei, die Vermittlung zählt ab dem Tag der Korrektur nicht mehr."""

    reason: RetractionReason = Field(description="Grund der Korrektur")
    retracted_on: WorkDay | None = Field(default=None, description=_TODAY)


class RentLimit(_Request):
    """Mietrichtwert des Jobcenters für eine Haushaltsgröße (Bruttokaltmiete)."""

    persons: int = Field(ge=1, le=20)
    max_gross_cold_rent: Euros
    max_size_m2: SquareMetres | None = None


class PlacementRules(_Request):
    """Regeln einer Kommune: die Mietrichtwerte des Jobcenters. Nach wie vielen Tagen ein
    Vorschlag oder eine Übernahme nachgehalten wird, sagen die Fristen der Wiedervorlagen
    (`/api/follow-up-rules`)."""

    # Required (an empty list says "none"): the rules are replaced as a whole, so a body
    # that forgot them must not wipe a municipality's guideline values.
    rent_limits: list[RentLimit] = Field(max_length=20, description="Mietrichtwerte; [] für keine")
    extra_person_rent: Euros | None = Field(default=None, description="je weitere Person")
    extra_person_m2: SquareMetres | None = Field(default=None, description="je weitere Person")

    @field_validator("rent_limits")
    @classmethod
    def _one_per_size(cls, value: list[RentLimit]) -> list[RentLimit]:
        if len({limit.persons for limit in value}) != len(value):
            raise ValueError("Je Haushaltsgröße darf es nur einen Mietrichtwert geben.")
        return value


# Answers and queries.


class LandlordRef(BaseModel):
    landlord_id: UUID


class OfferRef(BaseModel):
    offer_id: UUID
    version: int = 0


class ViewingRef(OfferRef):
    viewing_id: UUID


class GuaranteeRef(OfferRef):
    guarantee_id: UUID


# The columns an offers list sorts by (services/placement/adapters/offers.py).
OfferSort = Literal["received", "available", "district", "rooms", "rent"]


class GetOffers(PageQuery):
    status: OfferStatus | None = Field(default=OfferStatus.open, description="Nur dieser Stand")
    district: Line | None = Field(default=None, description="Nur dieser Stadtteil")
    landlord_id: UUID | None = Field(default=None, description="Nur dieses Vermieters")
    sort: OfferSort = Field(default="received", description="Sortiert nach")


# How the candidates of an offer are ordered (services/placement/domain/ranking.py):
# `rank` is the fit (every criterion fits, then fewest misfits, then fewest unknowns, then
# who has waited longest); `waiting` who registered first; `persons` the household's size.
CandidateSort = Literal["rank", "waiting", "persons"]


class OfferMatchesQuery(PageQuery):
    offer_id: UUID
    fits_only: bool = Field(default=True, description="Nur passende Haushalte")
    sort: CandidateSort = Field(default="rank", description="Sortiert nach")


class HouseholdOffersQuery(BaseModel):
    household_id: UUID
    fits_only: bool = Field(default=True, description="Nur passende Angebote")


class HouseholdCourseQuery(BaseModel):
    household_id: UUID


class GetLandlord(BaseModel):
    landlord_id: UUID


class ListLandlords(BaseModel):
    pass


class GetRules(BaseModel):
    pass


class GetOffer(BaseModel):
    offer_id: UUID
