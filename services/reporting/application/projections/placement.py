"""Facts from placement's events. Offer-level events carry no provider: offers belong to
the municipality; household-level events name the household's provider themselves."""

from __future__ import annotations

from collections.abc import Iterable

from services.reporting.adapters import placement_tables as t
from services.reporting.application.projections.common import (
    BatchContext,
    Fact,
    Handler,
    code,
    event_of,
    fact,
)
from shared.clock import business_day
from shared.contracts.placement import (
    GuaranteeDecided,
    GuaranteeRequested,
    HouseholdProposed,
    LandlordDecided,
    OfferExpired,
    OfferReceived,
    OfferWithdrawn,
    PlacementCompleted,
    PlacementRetracted,
    ViewingHeld,
)
from shared.envelope import DomainEvent
from shared.eventstore.store import RecordedEvent


def placed(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, PlacementCompleted)
    yield fact(
        t.placements,
        recorded,
        e.provider,
        household_id=e.household_id,
        offer_id=e.offer_id,
        landlord_id=e.landlord_id,
        landlord_kind=code(e.landlord_kind),
        refugee_quota=e.refugee_quota,
        volunteer_supported=e.volunteer_supported,
        wbs_required=e.wbs_required,
        household_had_wbs=e.household_had_wbs,
        adults=e.adults,
        minors=e.minors,
        moved_on=e.moved_on,
    )


def retracted(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    """A correction, counted on the retracted lease day: the sources leave out the
    placement (and the support it had) from the day the correction was recorded."""
    e = event_of(recorded, PlacementRetracted)
    table, values = fact(
        t.placement_retractions,
        recorded,
        e.provider,
        household_id=e.household_id,
        offer_id=e.offer_id,
        reason=code(e.reason),
        retracted_on=business_day(e.occurred_at),
    )
    yield table, {**values, "occurred_on": e.lease_signed_on}


def offered(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, OfferReceived)
    yield fact(
        t.offers,
        recorded,
        None,
        offer_id=e.offer_id,
        landlord_id=e.landlord_id,
        landlord_kind=code(e.landlord_kind),
        source=code(e.source),
        refugee_quota=e.refugee_quota,
        wbs_required=e.wbs_required,
    )


def withdrawn(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, OfferWithdrawn)
    yield fact(
        t.offer_closures,
        recorded,
        None,
        offer_id=e.offer_id,
        outcome="withdrawn",
        reason=code(e.reason),
    )


def expired(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, OfferExpired)
    yield fact(
        t.offer_closures, recorded, None, offer_id=e.offer_id, outcome="expired", reason=None
    )


def proposed(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, HouseholdProposed)
    yield fact(
        t.proposals,
        recorded,
        e.provider,
        offer_id=e.offer_id,
        household_id=e.household_id,
        adults=e.adults,
        minors=e.minors,
    )


def landlord_decided(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, LandlordDecided)
    yield fact(
        t.landlord_decisions,
        recorded,
        e.provider,
        offer_id=e.offer_id,
        household_id=e.household_id,
        decision=code(e.decision),
        proposed_on=e.proposed_on,
    )


def viewing_held(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, ViewingHeld)
    yield fact(
        t.viewings,
        recorded,
        e.provider,
        offer_id=e.offer_id,
        viewing_id=e.viewing_id,
        household_id=e.household_id,
        outcome=code(e.outcome),
        accompanied_by_tandem=e.accompanied_by_tandem,
    )


def guarantee_requested(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, GuaranteeRequested)
    yield fact(
        t.guarantee_requests,
        recorded,
        e.provider,
        offer_id=e.offer_id,
        guarantee_id=e.guarantee_id,
        household_id=e.household_id,
        kind=code(e.kind),
        requested_from=code(e.requested_from),
    )


def guarantee_decided(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, GuaranteeDecided)
    yield fact(
        t.guarantee_decisions,
        recorded,
        e.provider,
        offer_id=e.offer_id,
        guarantee_id=e.guarantee_id,
        household_id=e.household_id,
        kind=code(e.kind),
        requested_from=code(e.requested_from),
        requested_on=e.requested_on,
        decision=code(e.decision),
        days=(business_day(e.occurred_at) - e.requested_on).days,
    )


HANDLERS: dict[type[DomainEvent], Handler] = {
    PlacementCompleted: placed,
    PlacementRetracted: retracted,
    OfferReceived: offered,
    OfferWithdrawn: withdrawn,
    OfferExpired: expired,
    HouseholdProposed: proposed,
    LandlordDecided: landlord_decided,
    ViewingHeld: viewing_held,
    GuaranteeRequested: guarantee_requested,
    GuaranteeDecided: guarantee_decided,
}
