"""Facts from volunteer's events. Events that do not name the provider get it from the
envelope (the provider of the volunteer, tandem or workshop)."""

from __future__ import annotations

from collections.abc import Iterable

from services.reporting.adapters import volunteer_tables as t
from services.reporting.application.projections.common import (
    BatchContext,
    Fact,
    Handler,
    code,
    event_of,
    fact,
)
from shared.contracts.volunteer import (
    CertificateIssued,
    ConsultationHeld,
    OfficeHourHeld,
    PlacementSupportConfirmed,
    TandemEnded,
    TandemFormed,
    VolunteerLeft,
    VolunteerRegistered,
    WorkshopAttended,
    WorkshopHeld,
)
from shared.envelope import DomainEvent
from shared.eventstore.store import RecordedEvent


def volunteer_registered(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, VolunteerRegistered)
    yield fact(
        t.volunteer_changes, recorded, e.provider, volunteer_id=e.volunteer_id, change="registered"
    )


def volunteer_left(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, VolunteerLeft)
    provider = recorded.envelope.provider
    yield fact(t.volunteer_changes, recorded, provider, volunteer_id=e.volunteer_id, change="left")


def tandem_formed(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, TandemFormed)
    yield fact(
        t.tandem_changes,
        recorded,
        e.provider,
        tandem_id=e.tandem_id,
        volunteer_id=e.volunteer_id,
        household_id=e.household_id,
        change="formed",
        reason=None,
    )


def tandem_ended(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, TandemEnded)
    yield fact(
        t.tandem_changes,
        recorded,
        recorded.envelope.provider,
        tandem_id=e.tandem_id,
        volunteer_id=e.volunteer_id,
        household_id=e.household_id,
        change="ended",
        reason=code(e.reason),
    )


def office_hour_held(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, OfficeHourHeld)
    yield fact(
        t.office_hours,
        recorded,
        e.provider,
        office_hour_id=e.office_hour_id,
        duration_minutes=e.duration_minutes,
    )


def consultation_held(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, ConsultationHeld)
    yield fact(
        t.consultations,
        recorded,
        e.provider,
        consultation_id=e.consultation_id,
        channel=code(e.channel),
        visitor=code(e.visitor),
        topic=code(e.topic),
        appointment=e.appointment,
        office_hour_id=e.office_hour_id,
    )


def workshop_held(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, WorkshopHeld)
    yield fact(t.workshops, recorded, e.provider, workshop_id=e.workshop_id, topic=code(e.topic))


def workshop_attended(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, WorkshopAttended)
    yield fact(
        t.workshop_attendances,
        recorded,
        recorded.envelope.provider,
        workshop_id=e.workshop_id,
        attendee_id=e.attendee_id,
        household_id=e.household_id,
    )


def certificate_issued(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, CertificateIssued)
    yield fact(
        t.certificates,
        recorded,
        recorded.envelope.provider,
        certificate_id=e.certificate_id,
        workshop_id=e.workshop_id,
        topic=code(e.topic),
    )


def placement_supported(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, PlacementSupportConfirmed)
    yield fact(
        t.placement_supports,
        recorded,
        e.provider,
        household_id=e.household_id,
        tandem_id=e.tandem_id,
        offer_id=e.offer_id,
        adults=e.adults,
        minors=e.minors,
    )


HANDLERS: dict[type[DomainEvent], Handler] = {
    VolunteerRegistered: volunteer_registered,
    VolunteerLeft: volunteer_left,
    TandemFormed: tandem_formed,
    TandemEnded: tandem_ended,
    OfficeHourHeld: office_hour_held,
    ConsultationHeld: consultation_held,
    WorkshopHeld: workshop_held,
    WorkshopAttended: workshop_attended,
    CertificateIssued: certificate_issued,
    PlacementSupportConfirmed: placement_supported,
}
