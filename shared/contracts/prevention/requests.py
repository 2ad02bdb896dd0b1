"""Requests the prevention service answers (over NATS, forwarded by the gateway).

Personal data (the household's name and address, contact data, who referred in person,
notes) arrive here and are written to prevention's tables only, never into events.
Days default to today where the request says so.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, EmailStr, Field, ValidationInfo, field_validator

from shared.contracts.appointments import DEFAULT_MINUTES, PLACE_MAX
from shared.contracts.inputs import Deadline, Line, QueryDay, Text, WorkDay
from shared.contracts.intake import ErasureGround, ProviderCode
from shared.contracts.paging import PageQuery
from shared.contracts.placement import LandlordKind
from shared.contracts.placement.codes import ClockTime
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

_TODAY = "Tag des Geschehens; ohne Angabe heute"
Note = Annotated[Text | None, Field(max_length=4000, description="Freitext-Notiz")]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class HouseholdContact(_Request):
    """Ansprechperson des Haushalts: personenbezogen, nur in Tabellen."""

    name: Line = Field(min_length=1, max_length=200, description="Name")
    phone: str | None = Field(default=None, max_length=40, pattern=r"^[0-9 +()/-]{4,40}$")
    email: EmailStr | None = None


class ReceiveReferral(_Request):
    """Nimmt eine Meldung für die Wohnintegrationshilfe auf."""

    case_id: UUID | None = Field(
        default=None, description="Optional: vom Client vergebene Kennung (idempotent)"
    )
    provider: ProviderCode = Field(description="Träger, der die Hilfe leistet, z. B. `skm`")
    received_on: WorkDay | None = Field(default=None, description="Tag der Meldung; " + _TODAY)
    source: ReferralSource = Field(description="Wer gemeldet hat (Selbstmeldung oder Dritte)")
    target_group: TargetGroup = Field(description="Zielgruppe")
    housing_situation: HousingSituation = Field(description="Wohnsituation bei der Meldung")
    adults: int = Field(ge=1, le=20, description="Erwachsene im Haushalt")
    minors: int = Field(ge=0, le=20, description="Minderjährige Kinder im Haushalt")
    household_id: UUID | None = Field(
        default=None, description="Haushalt im Auszugsmanagement, falls es ihn dort gibt"
    )
    contact: HouseholdContact | None = None
    street_address: Line | None = Field(
        default=None, max_length=200, description="Anschrift des Haushalts (nur in Tabellen)"
    )
    referred_by: Line | None = Field(
        default=None, max_length=200, description="Meldende Person oder Stelle (nur in Tabellen)"
    )
    note: Note = None

    @field_validator("housing_situation")
    @classmethod
    def _fits_target_group(cls, value: HousingSituation, info: ValidationInfo) -> HousingSituation:
        group = info.data.get("target_group")
        if group is None:
            return value
        if group.precarious and not value.without_lease:
            raise ValueError(
                "Eine prekäre Wohnsituation heißt: beschlagnahmte oder zugewiesene Wohnung "
                "(requisitioned_flat, assigned_flat)."
            )
        if not group.precarious and value.without_lease:
            raise ValueError("Ein gesichertes Mietverhältnis heißt: eigener Mietvertrag.")
        return value


class CheckEligibility(_Request):
    """Prüft die Voraussetzung: keine vergleichbare Hilfe bereits installiert."""

    comparable_help: list[ComparableHelp] = Field(
        default_factory=list,
        max_length=len(ComparableHelp),
        description="Bereits installierte vergleichbare Hilfen; leer: keine",
    )
    checked_on: WorkDay | None = Field(default=None, description=_TODAY)
    note: Note = None

    @field_validator("comparable_help")
    @classmethod
    def _once_each(cls, value: list[ComparableHelp]) -> list[ComparableHelp]:
        return sorted(set(value))


class AdmitCase(_Request):
    """Bewilligt die Hilfe befristet (nur Fachstelle Wohnen)."""

    admitted_on: WorkDay | None = Field(default=None, description=_TODAY)
    ends_on: Deadline = Field(description="Befristet bis (einschließlich)")

    @field_validator("ends_on")
    @classmethod
    def _after_admission(cls, value: date, info: ValidationInfo) -> date:
        admitted = info.data.get("admitted_on")
        if admitted is not None and value <= admitted:
            raise ValueError("Das Ende der Hilfe muss nach der Bewilligung liegen.")
        return value


class RejectCase(_Request):
    """Lehnt die Hilfe ab (nur Fachstelle Wohnen)."""

    reason: RejectionReason = Field(description="Grund der Ablehnung")
    rejected_on: WorkDay | None = Field(default=None, description=_TODAY)
    note: Note = None


class RecordConsent(_Request):
    """Hält fest, dass der Haushalt der freiwilligen Hilfe zustimmt."""

    given_on: WorkDay | None = Field(default=None, description=_TODAY)


class WithdrawConsent(_Request):
    """Der Haushalt widerruft die Zustimmung: die Hilfe endet."""

    withdrawn_on: WorkDay | None = Field(default=None, description=_TODAY)
    note: Note = None


class PlanVisitRhythm(_Request):
    """Legt fest, in welchem Abstand Hausbesuche stattfinden."""

    every_days: int = Field(ge=1, le=365, description="Hausbesuch alle … Tage")
    planned_on: WorkDay | None = Field(default=None, description=_TODAY)
    next_visit_due: Deadline | None = Field(
        default=None, description="Nächster Besuch fällig am; ohne Angabe: nach dem Rhythmus"
    )


class RecordHomeVisit(_Request):
    """Hält einen Hausbesuch fest: Tag, Ergebnis als Codes, nächster Termin."""

    visit_id: UUID | None = Field(default=None, description="Optional: vom Client vergeben")
    done_on: WorkDay | None = Field(default=None, description=_TODAY)
    findings: list[VisitFinding] = Field(
        min_length=1, max_length=len(VisitFinding), description="Ergebnis des Besuchs"
    )
    next_visit_due: Deadline | None = Field(
        default=None, description="Nächster Besuch fällig am; ohne Angabe: nach dem Rhythmus"
    )
    note: Note = None

    @field_validator("next_visit_due")
    @classmethod
    def _after_visit(cls, value: date | None, info: ValidationInfo) -> date | None:
        done = info.data.get("done_on")
        if value is not None and done is not None and value <= done:
            raise ValueError("Der nächste Besuch muss nach diesem liegen.")
        return value

    @field_validator("findings")
    @classmethod
    def _none_alone(cls, value: list[VisitFinding]) -> list[VisitFinding]:
        found = sorted(set(value))
        if VisitFinding.none in found and len(found) > 1:
            raise ValueError(
                "„Keine Schwierigkeiten“ und eine Schwierigkeit zugleich: bitte nur "
                "„Keine Schwierigkeiten“ oder nur die Schwierigkeiten ankreuzen."
            )
        return found


class RecordMediation(_Request):
    """Hält eine Vermittlung mit Vermieter, Jobcenter oder anderem Amt fest."""

    mediation_id: UUID | None = Field(default=None, description="Optional: vom Client vergeben")
    party: MediationParty = Field(description="Mit wem vermittelt wurde")
    topic: MediationTopic = Field(description="Worum es ging")
    outcome: MediationOutcome | None = Field(
        default=None, description="Ergebnis der Vermittlung (leer: noch nicht bekannt)"
    )
    held_on: WorkDay | None = Field(default=None, description=_TODAY)
    note: Note = None


class RecordLandlordNegotiation(_Request):
    """Hält eine Verhandlung mit einem potenziellen Vermieter fest."""

    negotiation_id: UUID | None = Field(default=None, description="Optional: vom Client")
    landlord_kind: LandlordKind = Field(description="Art des Vermieters")
    result: NegotiationResult = Field(description="Stand der Verhandlung")
    held_on: WorkDay | None = Field(default=None, description=_TODAY)
    note: Note = None


class ReferOut(_Request):
    """Vermittelt den Haushalt in eine andere Hilfe."""

    referral_id: UUID | None = Field(default=None, description="Optional: vom Client vergeben")
    kind: ReferralOutKind = Field(description="Art der Hilfe")
    referred_on: WorkDay | None = Field(default=None, description=_TODAY)
    note: Note = None


class ExtendCase(_Request):
    """Verlängert die Hilfe (nur Fachstelle Wohnen)."""

    ends_on: Deadline = Field(description="Neues Ende der Hilfe")
    extended_on: WorkDay | None = Field(default=None, description=_TODAY)


class CloseCase(_Request):
    """Schließt den Fall mit seinem Ergebnis ab."""

    outcome: CaseOutcome = Field(description="Ergebnis der Hilfe")
    closed_on: WorkDay | None = Field(default=None, description=_TODAY)
    note: Note = None

    @field_validator("outcome")
    @classmethod
    def _not_by_hand(cls, value: CaseOutcome) -> CaseOutcome:
        if value is CaseOutcome.consent_withdrawn:
            raise ValueError("Ein Widerruf wird über „Zustimmung widerrufen“ festgehalten.")
        return value


class AcceptAftercare(_Request):
    """Der Haushalt nimmt die angebotene Nachbetreuung an."""

    accepted_on: WorkDay | None = Field(default=None, description=_TODAY)


class DeclineAftercare(_Request):
    """Der Haushalt lehnt die angebotene Nachbetreuung ab (oder ist nicht erreichbar)."""

    reason: AftercareDeclineReason = Field(description="Grund")
    declined_on: WorkDay | None = Field(default=None, description=_TODAY)


class EraseCase(_Request):
    """Löscht die personenbezogenen Daten eines Falls (Art. 17 DSGVO): Ansprechperson,
    Anschrift, meldende Person und alle Notizen. Zahlen und Codes bleiben."""

    ground: ErasureGround = Field(
        default=ErasureGround.data_subject_request,
        description="Grund: Antrag der Person (Art. 17 DSGVO) oder abgelaufene Aufbewahrung",
    )


class GetCase(BaseModel):
    case_id: UUID


CaseSort = Literal["received_on", "provider", "status", "ends_on", "next_visit_due"]


class ListCases(PageQuery):
    """One page of the cases the caller sees; the filters narrow, `sort` orders (then by id)."""

    sort: CaseSort = Field(default="received_on", description="Spalte, nach der sortiert wird")
    # Newest referral first unless the caller asks otherwise.
    descending: bool = Field(default=True, description="Absteigend sortieren")
    status: CaseStatus | None = Field(default=None, description="Nur Fälle in diesem Stand")
    provider: ProviderCode | None = Field(default=None, description="Nur dieser Träger")
    overdue: bool = Field(default=False, description="Nur Fälle mit überfälligem Hausbesuch")
    time_limit_passed: bool = Field(
        default=False, description="Nur laufende Hilfen, deren Befristung abgelaufen ist"
    )
    as_of: QueryDay | None = Field(
        default=None, description="Stichtag für „überfällig“ und „abgelaufen“; ohne Angabe heute"
    )


class OverdueQuery(BaseModel):
    as_of: QueryDay | None = Field(default=None, description="Stichtag; ohne Angabe heute")


AftercareSort = Literal["moved_on", "provider", "status"]


class ListAftercare(PageQuery):
    """One page of the aftercare offers the caller sees."""

    sort: AftercareSort = Field(default="moved_on", description="Spalte, nach der sortiert wird")
    # The most recent move first unless the caller asks otherwise.
    descending: bool = Field(default=True, description="Absteigend sortieren")
    status: AftercareStatus | None = Field(
        default=None, description="Nur Angebote in diesem Stand; ohne Angabe alle"
    )
    provider: ProviderCode | None = Field(default=None, description="Nur dieser Träger")


# Home visit appointments (shared/contracts/appointments.py): the caller attends the visit
# they arrange. The place is personal data and stays in prevention's table.
Minutes = Annotated[int, Field(ge=5, le=600, description="Dauer in Minuten (5 bis 600)")]
Place = Annotated[
    Line | None,
    Field(
        default=None,
        max_length=PLACE_MAX,
        description="Ort, z. B. die Anschrift des Haushalts oder ein Treffpunkt",
    ),
]


class AppointHomeVisit(_Request):
    """Vereinbart den nächsten Hausbesuch: Tag, Uhrzeit, Dauer, Ort."""

    appointment_id: UUID | None = Field(default=None, description="Optional: vom Client vergeben")
    day: Deadline = Field(description="Tag des Termins")
    at: ClockTime = Field(description="Uhrzeit, z. B. 14:30")
    minutes: Minutes = DEFAULT_MINUTES
    place: Place = None


class MoveHomeVisitAppointment(_Request):
    """Verschiebt den vereinbarten Hausbesuch; ohne Ort bleibt der bisherige."""

    day: Deadline = Field(description="Neuer Tag des Termins")
    at: ClockTime = Field(description="Neue Uhrzeit, z. B. 14:30")
    minutes: Minutes = DEFAULT_MINUTES
    place: Place = None


class CancelHomeVisitAppointment(_Request):
    """Sagt den vereinbarten Hausbesuch ab."""
