"""Facts from intake's events: household changes, duplicates, assessments, the inbox."""

from __future__ import annotations

from collections.abc import Iterable

from services.reporting.adapters import intake_tables as t
from services.reporting.adapters.intake_tables import REVOKED
from services.reporting.application.projections.common import (
    BatchContext,
    Fact,
    Handler,
    code,
    event_of,
    fact,
)
from shared.contracts.intake import (
    AccommodationChanged,
    DuplicateDecisionRevoked,
    DuplicateDismissed,
    HouseholdCompositionChanged,
    HouseholdDeregistered,
    HouseholdDeregistrationRevoked,
    HouseholdHandedOver,
    HouseholdRegistered,
    HouseholdsLinkedAsDuplicate,
    HousingReadinessAssessed,
    InquiryReceived,
    InquiryTriaged,
)
from shared.envelope import DomainEvent
from shared.eventstore.store import RecordedEvent


def _change(recorded: RecordedEvent, change: str, provider: str | None, **columns: object) -> Fact:
    """A row of a household's timeline; it holds only what its event says."""
    household_id = getattr(recorded.event, "household_id", None)
    assert household_id is not None
    return fact(
        t.household_changes,
        recorded,
        provider,
        household_id=household_id,
        stream_version=recorded.envelope.stream_version,
        change=change,
        **{
            "adults": None,
            "minors": None,
            "accommodation_kind": None,
            "reason": None,
            "previous_provider": None,
            **columns,
        },
    )


def registered(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, HouseholdRegistered)
    kind = code(e.accommodation_kind)
    yield _change(
        recorded,
        "registered",
        e.provider,
        adults=e.adults,
        minors=e.minors,
        accommodation_kind=kind,
    )


def composition(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, HouseholdCompositionChanged)
    yield _change(
        recorded, "composition", recorded.envelope.provider, adults=e.adults, minors=e.minors
    )


def accommodation(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, AccommodationChanged)
    kind = code(e.accommodation_kind)
    yield _change(recorded, "accommodation", recorded.envelope.provider, accommodation_kind=kind)


def handed_over(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, HouseholdHandedOver)
    yield _change(recorded, "handed_over", e.to_provider, previous_provider=e.from_provider)


def deregistered(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, HouseholdDeregistered)
    yield _change(
        recorded,
        "deregistered",
        recorded.envelope.provider,
        adults=e.adults,
        minors=e.minors,
        reason=code(e.reason),
    )


def deregistration_revoked(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    """A correction, counted on the revoked deregistration's day: the figures leave that
    deregistration out from the day the revocation was recorded (as known on)."""
    e = event_of(recorded, HouseholdDeregistrationRevoked)
    table, values = _change(
        recorded,
        REVOKED,
        recorded.envelope.provider,
        adults=e.adults,
        minors=e.minors,
        reason=code(e.reason),
    )
    yield table, {**values, "occurred_on": e.deregistered_on}


def duplicate_decided(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = recorded.event
    assert isinstance(
        e, HouseholdsLinkedAsDuplicate | DuplicateDismissed | DuplicateDecisionRevoked
    )
    yield fact(
        t.duplicate_decisions,
        recorded,
        recorded.envelope.provider,
        household_id=e.household_id,
        other_household_id=e.other_household_id,
        stream_version=recorded.envelope.stream_version,
        # A revoked decision leaves an open question: the record counts again.
        linked=isinstance(e, HouseholdsLinkedAsDuplicate),
    )


def assessed(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, HousingReadinessAssessed)
    yield fact(
        t.readiness_assessments,
        recorded,
        recorded.envelope.provider,
        household_id=e.household_id,
        result=code(e.result),
    )


def inquiry_received(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, InquiryReceived)
    yield fact(
        t.inquiries,
        recorded,
        None,
        inquiry_id=e.inquiry_id,
        sender_kind=code(e.sender_kind),
        channel=code(e.channel),
        received_at=e.occurred_at,
    )


def inquiry_triaged(recorded: RecordedEvent, context: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, InquiryTriaged)
    received = context.inquiry_received_at.get((recorded.envelope.municipality, e.inquiry_id))
    hours = None
    if e.first and received is not None:
        hours = round((e.occurred_at - received).total_seconds() / 3600, 1)
    yield fact(
        t.inquiry_triages,
        recorded,
        None,
        inquiry_id=e.inquiry_id,
        outcome=code(e.outcome),
        first=e.first,
        hours=hours,
    )


# No fact on purpose: `PersonalDataCorrected` (which fields of a person were rectified)
# and `HouseholdNeedsChanged` (no figure counts WBS, outlook, languages, districts or
# accessibility; "placements without WBS" takes the WBS placement knew on the day of the
# placement, from `HouseholdPlaced`).
HANDLERS: dict[type[DomainEvent], Handler] = {
    HouseholdRegistered: registered,
    HouseholdCompositionChanged: composition,
    AccommodationChanged: accommodation,
    HouseholdHandedOver: handed_over,
    HouseholdDeregistered: deregistered,
    HouseholdDeregistrationRevoked: deregistration_revoked,
    HouseholdsLinkedAsDuplicate: duplicate_decided,
    DuplicateDismissed: duplicate_decided,
    DuplicateDecisionRevoked: duplicate_decided,
    HousingReadinessAssessed: assessed,
    InquiryReceived: inquiry_received,
    InquiryTriaged: inquiry_triaged,
}
