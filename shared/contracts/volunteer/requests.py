"""Requests the volunteer service answers (NATS request/reply, routed by the gateway).

Names, contact data, logins and birth dates arrive here and go to volunteer's
personal-data tables only; the events carry ids and codes.
"""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, EmailStr, Field, ValidationInfo, field_validator

from shared.contracts.inputs import BirthDate, Line, QueryDay, WorkDay
from shared.contracts.intake import ErasureGround, LanguageCode, ProviderCode
from shared.contracts.paging import MAX_PER_PAGE, PageQuery
from shared.contracts.volunteer.codes import (
    ConsultationChannel,
    ConsultationTopic,
    DistrictCode,
    Minutes,
    OnboardingStep,
    SupportKind,
    TandemEndReason,
    UserId,
    Visitor,
    WorkshopTopic,
)

_CLIENT_ID = "Optional: vom Client vergebene Kennung (idempotente Wiederholung)"
_TODAY = "Tag des Geschehens; ohne Angabe heute"


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ById(_Request):
    """A query for one thing by its id."""

    id: UUID


# ---------------------------------------------------------------- volunteers


class RegisterVolunteer(_Request):
    """Nimmt eine Ehrenamtliche / einen Ehrenamtlichen bei einem Träger auf."""

    volunteer_id: UUID | None = Field(default=None, description=_CLIENT_ID)
    provider: ProviderCode
    user_id: UserId
    registered_on: WorkDay | None = Field(default=None, description=_TODAY)
    given_name: Line = Field(min_length=1, max_length=100, description="Vorname")
    family_name: Line = Field(min_length=1, max_length=100, description="Nachname")
    phone: str | None = Field(default=None, max_length=40, pattern=r"^[0-9 +()/-]{4,40}$")
    email: EmailStr | None = None
    district: DistrictCode | None = None
    languages: list[LanguageCode] = Field(
        default_factory=list, max_length=10, description="Sprachen der/des Ehrenamtlichen"
    )

    @field_validator("languages")
    @classmethod
    def _once_each(cls, languages: list[str]) -> list[str]:
        return list(dict.fromkeys(languages))


class RecordOnboardingStep(_Request):
    """Ein Schritt des Einstiegs ist erledigt (Erstgespräch, Vereinbarung, Führungszeugnis)."""

    step: OnboardingStep = Field(description="Schritt")
    done_on: WorkDay | None = Field(default=None, description=_TODAY)


class RecordLeaving(_Request):
    """Die/der Ehrenamtliche hört auf."""

    left_on: WorkDay | None = Field(default=None, description=_TODAY)


class EraseVolunteer(_Request):
    """Löscht Name, Kontakt und Login einer/eines Ehrenamtlichen (Art. 17 DSGVO)."""

    ground: ErasureGround = Field(
        default=ErasureGround.data_subject_request,
        description="Grund: Antrag der Person (Art. 17 DSGVO) oder abgelaufene Aufbewahrung",
    )


VolunteerSort = Literal["name", "provider", "district", "registered_on"]
# active: not left (an erased one shows as „gelöscht“); ready: active with the agreement
# signed; onboarding: active without it; left: left; all: every one.
VolunteerStatus = Literal["active", "ready", "onboarding", "left", "all"]


class ListVolunteers(PageQuery):
    """One page of the volunteers the caller sees, by name unless `sort` says otherwise."""

    model_config = ConfigDict(extra="forbid")
    sort: VolunteerSort = Field(default="name", description="Spalte, nach der sortiert wird")
    provider: ProviderCode | None = Field(default=None, description="Nur dieser Träger")
    district: DistrictCode | None = Field(default=None, description="Nur dieser Stadtteil")
    language: LanguageCode | None = Field(default=None, description="Nur wer diese Sprache spricht")
    status: VolunteerStatus = Field(default="active", description="Welche Ehrenamtlichen")
    q: Line = Field(
        default="",
        max_length=200,
        description=(
            "Namensanfang (mehrere Wörter: jedes beginnt den Vor- oder Nachnamen); leer: alle"
        ),
    )


# ---------------------------------------------------------------- tandems


class FormTandem(_Request):
    """Bildet ein Tandem aus einer/einem Ehrenamtlichen und einem Haushalt."""

    tandem_id: UUID | None = Field(default=None, description=_CLIENT_ID)
    volunteer_id: UUID
    household_id: UUID
    formed_on: WorkDay | None = Field(default=None, description=_TODAY)


class EndTandem(_Request):
    ended_on: WorkDay | None = Field(default=None, description=_TODAY)
    reason: TandemEndReason = Field(description="Grund")


class RecordSupport(_Request):
    """Die/der Ehrenamtliche hat den Haushalt unterstützt (Besichtigung, Amt, Vermieter …)."""

    support_id: UUID | None = Field(default=None, description=_CLIENT_ID)
    kind: SupportKind = Field(description="Art der Unterstützung")
    supported_on: WorkDay | None = Field(default=None, description=_TODAY)


TandemSort = Literal["formed_on", "provider", "volunteer"]


class ListTandems(PageQuery):
    """One page of the tandems the caller sees (a volunteer: their own active ones)."""

    model_config = ConfigDict(extra="forbid")
    sort: TandemSort = Field(default="formed_on", description="Spalte, nach der sortiert wird")
    provider: ProviderCode | None = Field(default=None, description="Nur dieser Träger")
    include_ended: bool = Field(default=False, description="Auch beendete Tandems zeigen")
    q: Line = Field(
        default="",
        max_length=200,
        description=(
            "Namensanfang der/des Ehrenamtlichen (mehrere Wörter: jedes beginnt den Vor- oder "
            "Nachnamen); leer: alle"
        ),
    )


class SearchTandems(ListTandems):
    """The tandems a picker offers: those whose volunteer's name fits `q` or whose household
    is one of `household_ids` (a tandem is known by either name; the household's is
    intake's, so the caller searches there and names the households it found here). Over
    the bus only: the API's list takes its filters from the URL, where a list is awkward."""

    household_ids: list[UUID] = Field(
        default_factory=list,
        max_length=MAX_PER_PAGE,
        description="Oder: Tandems dieser Haushalte (die Treffer einer Haushaltssuche)",
    )


class GetTandemHousehold(_Request):
    household_id: UUID


# ---------------------------------------------------------------- consultations


class _Consultation(_Request):
    consultation_id: UUID | None = Field(default=None, description=_CLIENT_ID)
    channel: ConsultationChannel = Field(description="E-Mail, Telefon oder persönlich")
    visitor: Visitor = Field(description="Wer kam: Tandem, Ehrenamtliche/r allein, Geflüchtete")
    topic: ConsultationTopic = Field(description="Thema")
    duration_minutes: Minutes
    tandem_id: UUID | None = Field(default=None, description="Das beratene Tandem, falls bekannt")
    household_id: UUID | None = Field(default=None, description="Der beratene Haushalt")


class OfficeHourConsultation(_Consultation):
    """Eine Beratung in der offenen Sprechstunde (Schnellerfassung)."""

    channel: ConsultationChannel = Field(
        default=ConsultationChannel.in_person, description="E-Mail, Telefon oder persönlich"
    )


class _Consultations(_Request):
    consultations: list[OfficeHourConsultation] = Field(default_factory=list, max_length=100)

    @field_validator("consultations")
    @classmethod
    def _distinct_ids(cls, items: list[OfficeHourConsultation]) -> list[OfficeHourConsultation]:
        ids = [c.consultation_id for c in items if c.consultation_id is not None]
        if len(ids) != len(set(ids)):
            raise ValueError("Jede Beratung braucht eine eigene Kennung.")
        return items


class HoldOfficeHour(_Consultations):
    """Eine offene Sprechstunde fand statt, gleich mit ihren Beratungen."""

    office_hour_id: UUID | None = Field(default=None, description=_CLIENT_ID)
    provider: ProviderCode
    held_on: WorkDay | None = Field(default=None, description=_TODAY)
    duration_minutes: Minutes


class RecordOfficeHourConsultations(_Consultations):
    """Mehrere Beratungen einer Sprechstunde auf einmal nachtragen."""

    consultations: list[OfficeHourConsultation] = Field(min_length=1, max_length=100)


class RecordConsultation(_Consultation):
    """Eine Beratung außerhalb der Sprechstunde, z. B. ein Einzeltermin oder eine E-Mail."""

    provider: ProviderCode
    held_on: WorkDay | None = Field(default=None, description=_TODAY)
    appointment: bool = Field(default=False, description="Einzeltermin nach Absprache")
    appointment_id: UUID | None = Field(
        default=None,
        description="Der vereinbarte Einzeltermin, den diese Beratung erledigt "
        "(die Beratung bekommt seine Kennung)",
    )


ConsultationSort = Literal["held_on", "provider", "channel", "topic"]


class ListConsultations(PageQuery):
    """Die erfassten Beratungen, neueste zuerst (ohne personenbezogene Daten)."""

    model_config = ConfigDict(extra="forbid")
    sort: ConsultationSort = Field(default="held_on", description="Spalte, nach der sortiert wird")
    descending: bool = Field(default=True, description="Absteigend sortieren")
    provider: ProviderCode | None = Field(default=None, description="Nur dieser Träger")
    appointments_only: bool = Field(default=False, description="Nur Einzeltermine")
    channel: ConsultationChannel | None = Field(default=None, description="Nur dieser Weg")
    topic: ConsultationTopic | None = Field(default=None, description="Nur dieses Thema")
    from_day: QueryDay | None = Field(default=None, description="Beratungen ab diesem Tag")
    to_day: QueryDay | None = Field(default=None, description="Beratungen bis zu diesem Tag")
    # A range whose end lies before its start simply finds nothing: no validator here,
    # because the gateway builds this model from query parameters (`Depends`).


# ---------------------------------------------------------------- workshops


class HoldWorkshop(_Request):
    """Ein Workshop fand statt (Thema, Tag, Träger, Ort)."""

    workshop_id: UUID | None = Field(default=None, description=_CLIENT_ID)
    provider: ProviderCode
    topic: WorkshopTopic = Field(description="Thema")
    held_on: WorkDay | None = Field(default=None, description=_TODAY)
    site: Line = Field(min_length=2, max_length=120, description="Ort: Kürzel oder Name")
    duration_minutes: Minutes


class RecordAttendance(_Request):
    """Eine Person hat teilgenommen; ihr Name steht nur auf der Teilnahmebestätigung."""

    attendee_id: UUID | None = Field(default=None, description=_CLIENT_ID)
    household_id: UUID | None = Field(default=None, description="Haushalt der Person")
    member_id: UUID | None = Field(
        default=None, description="Die Person im Haushalt (`member_id` der Aufnahme)"
    )
    given_name: Line = Field(min_length=1, max_length=100, description="Vorname")
    family_name: Line = Field(min_length=1, max_length=100, description="Nachname")
    birth_date: BirthDate | None = Field(
        default=None, description="Geburtsdatum (für die Bestätigung)"
    )

    @field_validator("member_id")
    @classmethod
    def _member_needs_household(cls, member_id: UUID | None, info: ValidationInfo) -> UUID | None:
        if member_id is not None and info.data.get("household_id") is None:
            raise ValueError("Eine Person im Haushalt bitte zusammen mit dem Haushalt angeben.")
        return member_id


class IssueCertificate(_Request):
    """Stellt einer teilnehmenden Person eine qualifizierte Teilnahmebestätigung aus."""

    certificate_id: UUID | None = Field(default=None, description=_CLIENT_ID)
    attendee_id: UUID
    issued_on: WorkDay | None = Field(default=None, description=_TODAY)


class GetCertificate(_Request):
    workshop_id: UUID
    certificate_id: UUID


# ---------------------------------------------------------------- consultation appointments
# An individual consultation arranged ahead (shared/contracts/appointments.py): the caller
# attends it. The place is personal data and stays in volunteer's table.
from shared.contracts.appointments import DEFAULT_MINUTES, PLACE_MAX  # noqa: E402
from shared.contracts.inputs import Deadline  # noqa: E402
from shared.contracts.placement.codes import ClockTime  # noqa: E402

Place = Annotated[
    Line | None,
    Field(default=None, max_length=PLACE_MAX, description="Ort, z. B. Büro, Raum oder Anschrift"),
]


class ArrangeConsultation(_Request):
    """Vereinbart einen Einzeltermin (Beratung nach Absprache): Tag, Uhrzeit, Dauer, Ort."""

    appointment_id: UUID | None = Field(default=None, description=_CLIENT_ID)
    provider: ProviderCode
    day: Deadline = Field(description="Tag des Termins")
    at: ClockTime = Field(description="Uhrzeit, z. B. 14:30")
    minutes: Minutes = DEFAULT_MINUTES
    place: Place = None
    tandem_id: UUID | None = Field(default=None, description="Das Tandem, falls bekannt")
    household_id: UUID | None = Field(default=None, description="Der Haushalt, falls bekannt")


class MoveConsultationAppointment(_Request):
    """Verschiebt einen vereinbarten Einzeltermin; ohne Ort bleibt der bisherige."""

    day: Deadline = Field(description="Neuer Tag des Termins")
    at: ClockTime = Field(description="Neue Uhrzeit, z. B. 14:30")
    minutes: Minutes = DEFAULT_MINUTES
    place: Place = None


class CancelConsultationAppointment(_Request):
    """Sagt einen vereinbarten Einzeltermin ab."""
