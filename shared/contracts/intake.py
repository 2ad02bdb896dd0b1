"""Contracts of the intake context: its published events and the requests it answers.

Events carry ids, counts, codes and dates only (DESIGN.md, invariant 6). Names, birth
dates, contact data, consent details, inquiry texts and notes arrive in requests and
stay in intake's personal-data tables.

One module for the whole context on purpose: a consumer imports everything intake
publishes from here. Sections: codes, events, household requests, inquiry requests,
views.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any
from uuid import UUID

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    ValidationInfo,
    field_validator,
)

from shared.contracts.catalog import CONTRACTS
from shared.envelope import DomainEvent

CONTEXT = "intake"

ProviderCode = Annotated[
    str,
    Field(
        min_length=2,
        max_length=64,
        pattern=r"^[a-z0-9][a-z0-9_-]*$",
        description="Kurzname des Trägers, z. B. `caritas`, `drk`, `fluechtlingsrat`.",
    ),
]
LanguageCode = Annotated[
    str,
    Field(pattern=r"^[a-z]{2,3}$", description="Sprachcode nach ISO 639, z. B. `de`, `ar`, `ti`"),
]

# ---------------------------------------------------------------- codes


class AccommodationKind(StrEnum):
    shelter = "shelter"
    city_rented_flat = "city_rented_flat"
    requisitioned_flat = "requisitioned_flat"
    assigned_flat = "assigned_flat"


class MemberRole(StrEnum):
    head = "head"
    partner = "partner"
    child = "child"
    other = "other"


class AgeBand(StrEnum):
    under_6 = "0-5"
    age_6_17 = "6-17"
    age_18_26 = "18-26"
    age_27_64 = "27-64"
    age_65_plus = "65+"

    @property
    def minor(self) -> bool:
        return self in (AgeBand.under_6, AgeBand.age_6_17)


class ResidenceOutlook(StrEnum):
    """Bleibeperspektive, as the caseworker knows it."""

    permanent = "permanent"  # gesichert: Niederlassungserlaubnis, Einbürgerung
    good = "good"  # gute Bleibeperspektive: Anerkennung, Aufenthaltserlaubnis
    open = "open"  # Verfahren läuft
    tolerated = "tolerated"  # Duldung
    not_applicable = "not_applicable"  # keine aufenthaltsrechtliche Frage
    unknown = "unknown"  # nicht erfasst


class CompositionChange(StrEnum):
    birth = "birth"
    joined = "joined"
    moved_away = "moved_away"


class DeregistrationReason(StrEnum):
    moved_out_via_placement = "moved_out_via_placement"
    moved_on_own = "moved_on_own"
    left_city = "left_city"
    other = "other"


class ReadinessCriterion(StrEnum):
    """The fixed criteria of a housing-readiness assessment (Wohnfähigkeit)."""

    rent_payment = "rent_payment"  # Miete und Nebenkosten zuverlässig zahlen
    tenancy_knowledge = "tenancy_knowledge"  # Mietvertrag, Hausordnung, Rechte und Pflichten
    neighbourhood = "neighbourhood"  # Zusammenleben in der Nachbarschaft
    household_management = "household_management"  # Haushaltsführung, Lüften, Müll
    language_for_contracts = "language_for_contracts"  # Sprache für Verträge und Ämter


class CriterionRating(StrEnum):
    met = "met"
    partly = "partly"
    not_met = "not_met"


class ReadinessResult(StrEnum):
    ready = "ready"
    ready_with_support = "ready_with_support"
    not_yet = "not_yet"


class DuplicateStatus(StrEnum):
    open = "open"
    linked = "linked"
    dismissed = "dismissed"


class SenderKind(StrEnum):
    resident = "resident"
    landlord = "landlord"
    volunteer = "volunteer"
    office = "office"
    other = "other"


class InquiryChannel(StrEnum):
    email = "email"
    phone = "phone"
    in_person = "in_person"
    letter = "letter"


class TriageOutcome(StrEnum):
    answered = "answered"
    forwarded = "forwarded"
    opened_as_case = "opened_as_case"


class ForwardTarget(StrEnum):
    provider = "provider"
    office = "office"


# ---------------------------------------------------------------- events


@CONTRACTS.event(CONTEXT, version=2)
class HouseholdRegistered(DomainEvent):
    """A household was taken into move-out management on the day in `occurred_at`.

    Version 2 added WBS, residence outlook, languages and whether consent was given;
    the defaults are what a version 1 event is upcast to ("not recorded").
    """

    household_id: UUID
    provider: str
    adults: int = Field(ge=0)
    minors: int = Field(ge=0)
    accommodation_kind: AccommodationKind
    wbs: bool = False
    wbs_valid_until: date | None = None
    residence_outlook: ResidenceOutlook = ResidenceOutlook.unknown
    languages: tuple[str, ...] = ()
    consent_given: bool = False

    @property
    def persons(self) -> int:
        return self.adults + self.minors


@CONTRACTS.upcaster("HouseholdRegistered", 1)
def _registered_v1_to_v2(payload: dict[str, Any]) -> dict[str, Any]:
    """Version 1 did not record WBS, outlook, languages or consent: upcast as not recorded."""
    defaults: dict[str, Any] = {
        "wbs": False,
        "wbs_valid_until": None,
        "residence_outlook": ResidenceOutlook.unknown.value,
        "languages": [],
        "consent_given": False,
    }
    return {**defaults, **payload}


@CONTRACTS.event(CONTEXT)
class HouseholdCompositionChanged(DomainEvent):
    """Someone was born, joined or moved away; `adults`/`minors` count after the change."""

    household_id: UUID
    change: CompositionChange
    persons_changed: int = Field(ge=1, description="how many persons joined or left")
    adults: int = Field(ge=0)
    minors: int = Field(ge=0)


@CONTRACTS.event(CONTEXT)
class AccommodationChanged(DomainEvent):
    """The household moved to another accommodation on the day in `occurred_at`."""

    household_id: UUID
    accommodation_kind: AccommodationKind
    previous_accommodation_kind: AccommodationKind


@CONTRACTS.event(CONTEXT)
class HouseholdHandedOver(DomainEvent):
    """Another provider (Träger) is responsible from the day in `occurred_at`."""

    household_id: UUID
    from_provider: str
    to_provider: str


@CONTRACTS.event(CONTEXT)
class HouseholdDeregistered(DomainEvent):
    """The household left move-out management; `adults`/`minors` as on that day."""

    household_id: UUID
    reason: DeregistrationReason
    adults: int = Field(ge=0)
    minors: int = Field(ge=0)


@CONTRACTS.event(CONTEXT)
class HousingReadinessAssessed(DomainEvent):
    """A housing-readiness assessment (Wohnfähigkeit) made on the day in `occurred_at`."""

    household_id: UUID
    assessment_id: UUID
    criteria: dict[ReadinessCriterion, CriterionRating]
    result: ReadinessResult


@CONTRACTS.event(CONTEXT)
class PossibleDuplicateFlagged(DomainEvent):
    """On registration, `household_id` looked like `other_household_id` (same person data)."""

    household_id: UUID
    other_household_id: UUID


@CONTRACTS.event(CONTEXT)
class HouseholdsLinkedAsDuplicate(DomainEvent):
    """A coordinator confirmed: both records describe the same household."""

    household_id: UUID
    other_household_id: UUID


@CONTRACTS.event(CONTEXT)
class DuplicateDismissed(DomainEvent):
    """A coordinator decided: different households, keep them apart."""

    household_id: UUID
    other_household_id: UUID


@CONTRACTS.event(CONTEXT)
class DuplicateDecisionRevoked(DomainEvent):
    """A link or dismissal was undone; the pair is an open question again."""

    household_id: UUID
    other_household_id: UUID
    revoked: DuplicateStatus


@CONTRACTS.event(CONTEXT)
class InquiryReceived(DomainEvent):
    """An inquiry reached the central inbox at the moment in `occurred_at`."""

    inquiry_id: UUID
    sender_kind: SenderKind
    channel: InquiryChannel


@CONTRACTS.event(CONTEXT)
class InquiryTriaged(DomainEvent):
    """An inquiry was answered, forwarded or opened as a case at the moment in `occurred_at`.

    `first` marks the first triage: the time from `InquiryReceived` to it is the time to
    first answer.
    """

    inquiry_id: UUID
    outcome: TriageOutcome
    first: bool
    forwarded_to_kind: ForwardTarget | None = None
    forwarded_to: str | None = None
    household_id: UUID | None = None


# ---------------------------------------------------------------- household requests


class Accommodation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: AccommodationKind = Field(description="Art der Unterkunft")
    site: str | None = Field(
        default=None,
        max_length=120,
        description="Standort der Unterkunft (Kennung, keine Privatadresse)",
    )


class Member(BaseModel):
    """A person of the household. Names and birth date are personal data."""

    model_config = ConfigDict(extra="forbid")

    role: MemberRole = Field(description="Rolle im Haushalt")
    age_band: AgeBand = Field(description="Altersgruppe")
    given_name: str | None = Field(default=None, max_length=100, description="Vorname")
    family_name: str | None = Field(default=None, max_length=100, description="Nachname")
    birth_date: date | None = Field(default=None, description="Geburtsdatum")


class Contact(BaseModel):
    model_config = ConfigDict(extra="forbid")

    phone: str | None = Field(default=None, max_length=40, pattern=r"^[0-9 +()/-]{4,40}$")
    email: EmailStr | None = None


class Consent(BaseModel):
    """Einwilligung in die Datenverarbeitung (personenbezogen: bleibt in intake)."""

    model_config = ConfigDict(extra="forbid")

    purpose: str = Field(min_length=3, max_length=300, description="Zweck der Verarbeitung")
    given_on: date = Field(description="Tag der Einwilligung")
    given_by: str = Field(min_length=2, max_length=120, description="Wer eingewilligt hat")
    withdrawn_on: date | None = Field(default=None, description="Tag des Widerrufs")

    @field_validator("withdrawn_on")
    @classmethod
    def _withdrawn_after_given(cls, value: date | None, info: ValidationInfo) -> date | None:
        given_on = info.data.get("given_on")
        if value is not None and given_on is not None and value < given_on:
            raise ValueError("Der Widerruf liegt vor der Einwilligung.")
        return value

    @property
    def active(self) -> bool:
        return self.withdrawn_on is None


class RegisterHousehold(BaseModel):
    """Nimmt einen Haushalt ins Auszugsmanagement auf."""

    model_config = ConfigDict(extra="forbid")

    household_id: UUID | None = Field(
        default=None,
        description="Optional: vom Client vergebene Kennung (idempotente Wiederholung)",
    )
    provider: ProviderCode
    registered_on: date = Field(description="Tag der Aufnahme (zählt für die Jahreszahlen)")
    accommodation: Accommodation
    members: list[Member] = Field(min_length=1, max_length=30, description="Haushaltsmitglieder")
    contact: Contact | None = None
    note: str | None = Field(default=None, max_length=4000, description="Freitext-Notiz")
    wbs: bool = Field(default=False, description="Wohnberechtigungsschein (WBS) vorhanden")
    wbs_valid_until: date | None = Field(default=None, description="WBS gültig bis")
    residence_outlook: ResidenceOutlook = Field(
        default=ResidenceOutlook.unknown, description="Bleibeperspektive"
    )
    languages: list[LanguageCode] = Field(
        default_factory=list, max_length=10, description="Sprachen des Haushalts"
    )
    consent: Consent | None = Field(default=None, description="Einwilligung Datenverarbeitung")

    @field_validator("members")
    @classmethod
    def _exactly_one_head(cls, members: list[Member]) -> list[Member]:
        if sum(1 for m in members if m.role is MemberRole.head) != 1:
            raise ValueError("Ein Haushalt braucht genau einen Haushaltsvorstand (role = head).")
        return members

    @field_validator("wbs_valid_until")
    @classmethod
    def _only_with_wbs(cls, value: date | None, info: ValidationInfo) -> date | None:
        if value is not None and not info.data.get("wbs"):
            raise ValueError("Ein Gültigkeitsdatum gibt es nur mit WBS (wbs = true).")
        return value

    @field_validator("languages")
    @classmethod
    def _once_each(cls, languages: list[str]) -> list[str]:
        return list(dict.fromkeys(languages))


class ChangeCompositionBody(BaseModel):
    """Ändert die Zusammensetzung: Geburt, Zuzug oder Wegzug von Personen."""

    model_config = ConfigDict(extra="forbid")

    change: CompositionChange = Field(description="Art der Änderung")
    changed_on: date = Field(description="Tag der Änderung")
    joining: list[Member] = Field(
        default_factory=list,
        max_length=20,
        validate_default=True,
        description="Neue Personen (bei Geburt und Zuzug)",
    )
    leaving: list[UUID] = Field(
        default_factory=list,
        max_length=30,
        validate_default=True,
        description="Kennungen (member_id) der Personen, die wegziehen",
    )
    new_head: UUID | None = Field(
        default=None,
        description="member_id des künftigen Haushaltsvorstands, wenn der bisherige wegzieht",
    )

    @field_validator("joining")
    @classmethod
    def _joining_fits_change(cls, joining: list[Member], info: ValidationInfo) -> list[Member]:
        change = info.data.get("change")
        if change in (CompositionChange.birth, CompositionChange.joined) and not joining:
            raise ValueError("Bitte die neuen Personen angeben.")
        if change is CompositionChange.moved_away and joining:
            raise ValueError("Bei einem Wegzug kommen keine Personen hinzu.")
        if any(m.role is MemberRole.head for m in joining):
            raise ValueError("Neue Personen können nicht Haushaltsvorstand sein.")
        return joining

    @field_validator("leaving")
    @classmethod
    def _leaving_fits_change(cls, leaving: list[UUID], info: ValidationInfo) -> list[UUID]:
        change = info.data.get("change")
        if change is CompositionChange.moved_away and not leaving:
            raise ValueError("Bitte angeben, wer wegzieht (member_id).")
        if change is not CompositionChange.moved_away and leaving:
            raise ValueError("Nur bei einem Wegzug verlassen Personen den Haushalt.")
        if len(set(leaving)) != len(leaving):
            raise ValueError("Jede Person nur einmal angeben.")
        return leaving


class ChangeComposition(ChangeCompositionBody):
    household_id: UUID


class ChangeAccommodationBody(BaseModel):
    """Hält fest, dass der Haushalt in eine andere Unterkunft umgezogen ist."""

    model_config = ConfigDict(extra="forbid")

    accommodation: Accommodation
    moved_on: date = Field(description="Tag des Umzugs")


class ChangeAccommodation(ChangeAccommodationBody):
    household_id: UUID


class HandOverHouseholdBody(BaseModel):
    """Übergibt den Haushalt an einen anderen Träger (nur Koordination)."""

    model_config = ConfigDict(extra="forbid")

    to_provider: ProviderCode
    handed_over_on: date = Field(description="Ab diesem Tag zuständig")


class HandOverHousehold(HandOverHouseholdBody):
    household_id: UUID


class DeregisterHouseholdBody(BaseModel):
    """Meldet den Haushalt aus dem Auszugsmanagement ab."""

    model_config = ConfigDict(extra="forbid")

    reason: DeregistrationReason = Field(description="Grund der Abmeldung")
    deregistered_on: date = Field(description="Tag der Abmeldung")
    note: str | None = Field(default=None, max_length=4000, description="Freitext-Notiz")


class DeregisterHousehold(DeregisterHouseholdBody):
    household_id: UUID


class AssessHousingReadinessBody(BaseModel):
    """Hält eine Einschätzung der Wohnfähigkeit fest (alle Kriterien, Ergebnis, Tag)."""

    model_config = ConfigDict(extra="forbid")

    assessed_on: date = Field(description="Tag der Einschätzung")
    criteria: dict[ReadinessCriterion, CriterionRating] = Field(
        description="Bewertung je Kriterium: met, partly, not_met"
    )
    result: ReadinessResult = Field(description="Ergebnis")
    note: str | None = Field(default=None, max_length=4000, description="Freitext-Notiz")

    @field_validator("criteria")
    @classmethod
    def _every_criterion(
        cls, criteria: dict[ReadinessCriterion, CriterionRating]
    ) -> dict[ReadinessCriterion, CriterionRating]:
        missing = [c.value for c in ReadinessCriterion if c not in criteria]
        if missing:
            raise ValueError(f"Bitte alle Kriterien bewerten; es fehlt: {', '.join(missing)}.")
        return {c: criteria[c] for c in ReadinessCriterion}


class AssessHousingReadiness(AssessHousingReadinessBody):
    household_id: UUID


class DuplicateDecision(BaseModel):
    """Entscheidung über einen möglichen Doppelfall (nur Koordination)."""

    household_id: UUID
    other_household_id: UUID


class ListDuplicates(BaseModel):
    status: DuplicateStatus | None = Field(
        default=DuplicateStatus.open, description="Nur Fälle mit diesem Stand (leer: alle)"
    )


class HouseholdRef(BaseModel):
    household_id: UUID


class GetHousehold(BaseModel):
    household_id: UUID


# ---------------------------------------------------------------- inquiry requests


class ReceiveInquiry(BaseModel):
    """Erfasst eine Anfrage im zentralen Posteingang."""

    model_config = ConfigDict(extra="forbid")

    inquiry_id: UUID | None = Field(
        default=None, description="Optional: vom Client vergebene Kennung"
    )
    sender_kind: SenderKind = Field(description="Wer fragt an")
    channel: InquiryChannel = Field(description="Auf welchem Weg")
    received_at: AwareDatetime | None = Field(
        default=None, description="Eingang (mit Zeitzone); leer: jetzt"
    )
    sender_name: str | None = Field(default=None, max_length=200, description="Absender")
    contact: Contact | None = None
    text: str = Field(min_length=1, max_length=8000, description="Anliegen")


class TriageInquiryBody(BaseModel):
    """Bearbeitet eine Anfrage: beantwortet, weitergeleitet oder als Haushaltsfall eröffnet."""

    model_config = ConfigDict(extra="forbid")

    outcome: TriageOutcome = Field(description="Ergebnis")
    triaged_at: AwareDatetime | None = Field(
        default=None, description="Zeitpunkt (mit Zeitzone); leer: jetzt"
    )
    forwarded_to_kind: ForwardTarget | None = Field(
        default=None, validate_default=True, description="Weitergeleitet an: Träger oder Amt"
    )
    forwarded_to: str | None = Field(
        default=None,
        min_length=2,
        max_length=64,
        pattern=r"^[a-z0-9][a-z0-9_-]*$",
        validate_default=True,
        description="Kurzname des Trägers oder Amts, z. B. `caritas`, `jobcenter`",
    )
    household_id: UUID | None = Field(
        default=None, validate_default=True, description="Eröffneter Haushaltsfall"
    )
    note: str | None = Field(default=None, max_length=4000, description="Freitext-Notiz")

    @field_validator("forwarded_to_kind", "forwarded_to")
    @classmethod
    def _only_when_forwarded(cls, value: object, info: ValidationInfo) -> object:
        forwarded = info.data.get("outcome") is TriageOutcome.forwarded
        if forwarded and value is None:
            raise ValueError("Bitte angeben, wohin weitergeleitet wurde.")
        if not forwarded and value is not None:
            raise ValueError("Nur bei einer Weiterleitung anzugeben.")
        return value

    @field_validator("household_id")
    @classmethod
    def _only_when_case(cls, value: UUID | None, info: ValidationInfo) -> UUID | None:
        case = info.data.get("outcome") is TriageOutcome.opened_as_case
        if case and value is None:
            raise ValueError("Bitte den eröffneten Haushalt angeben (household_id).")
        if not case and value is not None:
            raise ValueError("Nur bei Eröffnung als Haushaltsfall anzugeben.")
        return value


class TriageInquiry(TriageInquiryBody):
    inquiry_id: UUID


class InquiryRef(BaseModel):
    inquiry_id: UUID


class GetInquiry(BaseModel):
    inquiry_id: UUID


class ListInquiries(BaseModel):
    open_only: bool = Field(default=True, description="Nur noch nicht bearbeitete Anfragen")


# ---------------------------------------------------------------- views


class HouseholdStatus(StrEnum):
    active = "active"
    deregistered = "deregistered"


class MemberView(Member):
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


class HouseholdView(BaseModel):
    household_id: UUID
    municipality: str
    provider: str
    status: HouseholdStatus
    registered_on: date
    accommodation: Accommodation
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
    consent: Consent | None
    readiness: list[ReadinessAssessmentView] = Field(description="Verlauf, älteste zuerst")
    current_readiness: ReadinessResult | None
    deregistration: Deregistration | None
    possible_duplicates: list[DuplicateView] = Field(description="nur für die Koordination")
    version: int


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


class InquiryView(InquirySummary):
    municipality: str
    sender_name: str | None
    contact: Contact | None
    text: str | None
    triage: list[TriageView]
    version: int


class Inquiries(BaseModel):
    items: list[InquirySummary]
