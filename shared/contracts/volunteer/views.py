"""Answers of the volunteer service: references to what was written, and views to read.

Staff views show names (volunteers', attendees'); the view a volunteer gets of a tandem's
household (`TandemHouseholdView`) shows only what a tandem needs and volunteer knows.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import BaseModel, Field

from shared.contracts.intake import AccommodationKind
from shared.contracts.paging import PageInfo
from shared.contracts.volunteer.codes import (
    ConsultationChannel,
    ConsultationTopic,
    OnboardingStep,
    SupportKind,
    TandemEndReason,
    Visitor,
    WorkshopTopic,
)


class VolunteerRef(BaseModel):
    volunteer_id: UUID


class OnboardingView(BaseModel):
    step: OnboardingStep
    done_on: date


class VolunteerView(BaseModel):
    volunteer_id: UUID
    provider: str
    user_id: str | None
    given_name: str | None
    family_name: str | None
    phone: str | None
    email: str | None
    district: str | None
    languages: list[str]
    registered_on: date
    onboarding: list[OnboardingView]
    ready_for_tandem: bool
    left_on: date | None
    version: int
    erased_on: date | None = Field(
        default=None, description="Tag der Löschung; Name und Kontakt zeigen dann „gelöscht“"
    )


class VolunteerList(BaseModel):
    volunteers: list[VolunteerView]
    page: PageInfo


class TandemRef(BaseModel):
    tandem_id: UUID


class SupportRef(BaseModel):
    tandem_id: UUID
    support_id: UUID


class SupportView(BaseModel):
    support_id: UUID
    kind: SupportKind
    supported_on: date


class TandemView(BaseModel):
    tandem_id: UUID
    volunteer_id: UUID
    household_id: UUID
    provider: str
    formed_on: date
    ended_on: date | None
    end_reason: TandemEndReason | None
    support: list[SupportView]
    supported_placements: int


class TandemList(BaseModel):
    tandems: list[TandemView]
    page: PageInfo
    volunteer_names: dict[UUID, str] = Field(
        default_factory=dict,
        description="Name der/des Ehrenamtlichen je Tandem dieser Seite („gelöscht“ nach Art. 17)",
    )


class TandemHouseholdView(BaseModel):
    """What a tandem's volunteer sees of the household: no names, no contact data."""

    household_id: UUID
    provider: str
    adults: int
    minors: int
    persons: int
    accommodation_kind: AccommodationKind | None
    tandem_id: UUID
    tandem_since: date


class OfficeHourRef(BaseModel):
    office_hour_id: UUID
    consultation_ids: list[UUID]


class ConsultationRef(BaseModel):
    consultation_id: UUID


class ConsultationView(BaseModel):
    consultation_id: UUID
    channel: ConsultationChannel
    visitor: Visitor
    topic: ConsultationTopic
    duration_minutes: int
    tandem_id: UUID | None
    household_id: UUID | None


class ConsultationEntry(BaseModel):
    """One consultation in a list: ids, codes and its day, never who came."""

    consultation_id: UUID
    provider: str
    held_on: date
    channel: ConsultationChannel
    visitor: Visitor
    topic: ConsultationTopic
    duration_minutes: int
    appointment: bool
    office_hour_id: UUID | None
    tandem_id: UUID | None
    household_id: UUID | None


class ConsultationList(BaseModel):
    consultations: list[ConsultationEntry]
    page: PageInfo


class OfficeHourView(BaseModel):
    office_hour_id: UUID
    provider: str
    held_on: date
    duration_minutes: int
    consultations: list[ConsultationView]
    by_channel: dict[ConsultationChannel, int]


class WorkshopRef(BaseModel):
    workshop_id: UUID


class AttendanceRef(BaseModel):
    workshop_id: UUID
    attendee_id: UUID


class CertificateRef(BaseModel):
    workshop_id: UUID
    certificate_id: UUID
    attendee_id: UUID


class AttendeeView(BaseModel):
    attendee_id: UUID
    household_id: UUID | None
    given_name: str | None
    family_name: str | None
    certificate_id: UUID | None
    certificate_issued_on: date | None


class WorkshopView(BaseModel):
    workshop_id: UUID
    provider: str
    topic: WorkshopTopic
    held_on: date
    site: str
    duration_minutes: int
    attendees: list[AttendeeView]


class CertificateDocument(BaseModel):
    """A rendered certificate: the PDF travels base64-encoded over NATS."""

    filename: str
    media_type: str = "application/pdf"
    content_base64: str


class ConsultationAppointmentRef(BaseModel):
    """An individual consultation's appointment; recording it gives the consultation this id."""

    appointment_id: UUID
