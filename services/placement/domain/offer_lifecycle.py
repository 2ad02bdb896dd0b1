"""An offer's life: received, then withdrawn, expired or let (the placement). Pure."""

from __future__ import annotations

from services.placement.domain import offer_rules as rules
from services.placement.domain.offer_commands import (
    CompletePlacement,
    ExpireOffer,
    ReceiveOffer,
    RetractPlacement,
    WithdrawOffer,
)
from services.placement.domain.offer_state import Offer
from shared.clock import business_day, business_time
from shared.contracts.placement import (
    LandlordDecision,
    LandlordKind,
    OfferExpired,
    OfferReceived,
    OfferWithdrawn,
    PlacementCompleted,
    PlacementRetracted,
)
from shared.decider import RuleViolation
from shared.validation import IdUnavailable


def receive(command: ReceiveOffer, state: Offer) -> list[OfferReceived]:
    if state.received:
        raise IdUnavailable("already_received")
    rules.not_in_future(command.received_on, command.today, "Der Tag des Angebots")
    if command.refugee_quota and command.landlord_kind is LandlordKind.private:
        raise RuleViolation(
            "quota_needs_housing_company",
            "Nach der Richtlinie Flü vergeben nur Wohnungsgesellschaften, keine Privatvermieter.",
        )
    return [
        OfferReceived(
            offer_id=command.offer_id,
            landlord_id=command.landlord_id,
            landlord_kind=command.landlord_kind,
            district=command.district,
            rooms=command.rooms,
            size_m2=command.size_m2,
            cold_rent=command.cold_rent,
            running_costs=command.running_costs,
            available_from=command.available_from,
            wbs_required=command.wbs_required,
            refugee_quota=command.refugee_quota,
            accessible=command.accessible,
            source=command.source,
            occurred_at=business_time(command.received_on),
        )
    ]


def withdraw(command: WithdrawOffer, state: Offer) -> list[OfferWithdrawn]:
    facts = rules.still_open(state)
    rules.not_in_future(command.withdrawn_on, command.today, "Der Tag der Rücknahme")
    rules.not_before(
        command.withdrawn_on, state.received_on, "before_received", "Die Rücknahme", "dem Angebot"
    )
    return [
        OfferWithdrawn(
            offer_id=facts.offer_id,
            reason=command.reason,
            occurred_at=business_time(command.withdrawn_on),
        )
    ]


def expire(command: ExpireOffer, state: Offer) -> list[OfferExpired]:
    facts = rules.still_open(state)
    rules.not_in_future(command.expired_on, command.today, "Der Tag des Ablaufs")
    rules.not_before(
        command.expired_on, state.received_on, "before_received", "Der Ablauf", "dem Angebot"
    )
    return [OfferExpired(offer_id=facts.offer_id, occurred_at=business_time(command.expired_on))]


def complete(command: CompletePlacement, state: Offer) -> list[PlacementCompleted]:
    """Lease signed and moved in. The flat is let once: a second lease is refused."""
    facts = rules.still_open(state)
    household = command.household
    proposal = rules.active_proposal(state, household.household_id)
    if proposal.decision is not LandlordDecision.accepted:
        raise RuleViolation(
            "not_accepted",
            "Der Vermieter hat diesem Haushalt für diese Wohnung noch nicht zugesagt.",
        )
    rules.still_searching(household)
    rules.not_in_future(command.moved_on, command.today, "Der Einzug")
    assert proposal.decided_on is not None
    rules.not_before(
        command.lease_signed_on,
        proposal.decided_on,
        "before_acceptance",
        "Die Unterschrift unter den Mietvertrag",
        "der Zusage des Vermieters",
    )
    rules.not_before(
        command.moved_on,
        command.lease_signed_on,
        "moved_before_lease",
        "Der Einzug",
        "dem Mietvertrag",
    )
    rules.not_before(
        command.moved_on,
        facts.available_from,
        "before_available",
        "Der Einzug",
        "dem Tag, ab dem die Wohnung bezugsfertig ist",
    )
    # What the lease says; the offer's figures unless the lease differs.
    gross_cold_rent = command.gross_cold_rent or facts.cold_rent + facts.running_costs
    if command.warm_rent is not None and command.warm_rent < gross_cold_rent:
        raise RuleViolation(
            "warm_below_cold",
            f"Die Warmmiete kann nicht unter der Bruttokaltmiete ({rules.euro(gross_cold_rent)}) "
            "liegen.",
        )
    rules.rent_plausible(gross_cold_rent, command.rent_limit, command.rent_confirmed)
    return [
        PlacementCompleted(
            household_id=household.household_id,
            offer_id=facts.offer_id,
            landlord_id=facts.landlord_id,
            landlord_kind=facts.landlord_kind,
            provider=household.provider,
            adults=household.adults,
            minors=household.minors,
            refugee_quota=facts.refugee_quota,
            volunteer_supported=state.tandem_accompanied(household.household_id),
            wbs_required=facts.wbs_required,
            household_had_wbs=bool(household.has_wbs),
            moved_on=command.moved_on,
            gross_cold_rent=gross_cold_rent,
            warm_rent=command.warm_rent,
            size_m2=command.size_m2 or facts.size_m2,
            occurred_at=business_time(command.lease_signed_on),
        )
    ]


def retract(command: RetractPlacement, state: Offer) -> list[PlacementRetracted]:
    """Take back a placement recorded by mistake: the flat is open again. Only the
    placement in force can be taken back, and not before the day it was recorded for."""
    rules.received(state)
    placed = state.placement
    if placed is None:
        raise RuleViolation(
            "not_let",
            "Für diese Wohnung ist keine Vermittlung erfasst, die zurückgenommen werden könnte.",
        )
    rules.not_in_future(command.retracted_on, command.today, "Der Tag der Korrektur")
    rules.not_before(
        command.retracted_on,
        business_day(placed.occurred_at),
        "before_lease",
        "Die Korrektur",
        "dem erfassten Mietvertrag",
    )
    return [
        PlacementRetracted(
            household_id=placed.household_id,
            offer_id=placed.offer_id,
            landlord_kind=placed.landlord_kind,
            provider=placed.provider,
            adults=placed.adults,
            minors=placed.minors,
            refugee_quota=placed.refugee_quota,
            volunteer_supported=placed.volunteer_supported,
            household_had_wbs=placed.household_had_wbs,
            lease_signed_on=business_day(placed.occurred_at),
            reason=command.reason,
            occurred_at=business_time(command.retracted_on),
        )
    ]
