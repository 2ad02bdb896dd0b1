"""Working an offer: proposals, the landlord's decision, viewings and guarantees. Pure."""

from __future__ import annotations

from services.placement.domain import offer_rules as rules
from services.placement.domain.offer_commands import (
    DecideGuarantee,
    ProposeHouseholds,
    RecordLandlordDecision,
    RecordViewing,
    RequestGuarantee,
    ScheduleViewing,
)
from services.placement.domain.offer_state import Offer
from shared.clock import business_time
from shared.contracts.placement import (
    GuaranteeDecided,
    GuaranteeDecision,
    GuaranteeRequested,
    HouseholdProposed,
    LandlordDecided,
    LandlordDecision,
    ViewingHeld,
    ViewingScheduled,
)
from shared.decider import NotFound, RuleViolation


def propose(command: ProposeHouseholds, state: Offer) -> list[HouseholdProposed]:
    facts = rules.still_open(state)
    rules.not_in_future(command.proposed_on, command.today, "Der Tag des Vorschlags")
    rules.not_before(
        command.proposed_on, state.received_on, "before_received", "Der Vorschlag", "dem Angebot"
    )
    events = []
    for household in command.households:
        rules.still_searching(household)
        rules.not_restricted(household)
        earlier = state.proposals.get(household.household_id)
        if earlier is not None:
            if earlier.decision is LandlordDecision.declined:
                raise RuleViolation(
                    "declined_by_landlord",
                    "Der Vermieter hat diesen Haushalt für diese Wohnung bereits abgelehnt.",
                )
            raise RuleViolation(
                "already_proposed",
                f"Der Haushalt wurde am {earlier.proposed_on:%d.%m.%Y} bereits vorgeschlagen.",
            )
        events.append(
            HouseholdProposed(
                offer_id=facts.offer_id,
                household_id=household.household_id,
                provider=household.provider,
                adults=household.adults,
                minors=household.minors,
                occurred_at=business_time(command.proposed_on),
            )
        )
    return events


def record_landlord_decision(
    command: RecordLandlordDecision, state: Offer
) -> list[LandlordDecided]:
    facts = rules.still_open(state)
    proposal = rules.active_proposal(state, command.household_id)
    if proposal.decision is not None:
        raise RuleViolation(
            "already_decided",
            "Die Entscheidung des Vermieters ist bereits erfasst "
            f"({proposal.decided_on:%d.%m.%Y}).",
        )
    rules.not_in_future(command.decided_on, command.today, "Die Entscheidung")
    rules.not_before(
        command.decided_on,
        proposal.proposed_on,
        "before_proposal",
        "Die Entscheidung",
        "dem Vorschlag",
    )
    return [
        LandlordDecided(
            offer_id=facts.offer_id,
            household_id=proposal.household_id,
            provider=proposal.provider,
            decision=command.decision,
            proposed_on=proposal.proposed_on,
            occurred_at=business_time(command.decided_on),
        )
    ]


def schedule_viewing(command: ScheduleViewing, state: Offer) -> list[ViewingScheduled]:
    facts = rules.still_open(state)
    if command.viewing_id in state.viewings:
        raise RuleViolation("viewing_exists", "Diese Besichtigung ist bereits vereinbart.")
    proposal = rules.active_proposal(state, command.household_id)
    rules.not_before(
        command.viewing_on,
        proposal.proposed_on,
        "before_proposal",
        "Der Besichtigungstermin",
        "dem Vorschlag",
    )
    return [
        ViewingScheduled(
            offer_id=facts.offer_id,
            viewing_id=command.viewing_id,
            household_id=proposal.household_id,
            provider=proposal.provider,
            viewing_on=command.viewing_on,
            viewing_at=command.viewing_at,
            occurred_at=business_time(command.today),
        )
    ]


def record_viewing(command: RecordViewing, state: Offer) -> list[ViewingHeld]:
    # A viewing that took place is a fact even if the flat went to someone else since.
    facts = rules.received(state)
    viewing = state.viewings.get(command.viewing_id)
    if viewing is None:
        raise NotFound("viewing", "Besichtigung nicht gefunden.")
    if viewing.held_on is not None:
        raise RuleViolation(
            "viewing_recorded",
            f"Das Ergebnis dieser Besichtigung ist bereits erfasst ({viewing.held_on:%d.%m.%Y}).",
        )
    rules.not_in_future(command.held_on, command.today, "Die Besichtigung")
    proposal = state.proposals.get(viewing.household_id)
    if proposal is not None:
        rules.not_before(
            command.held_on,
            proposal.proposed_on,
            "before_proposal",
            "Die Besichtigung",
            "dem Vorschlag",
        )
    rules.not_before(
        command.held_on,
        viewing.viewing_on,
        "held_before_scheduled",
        "Die Besichtigung",
        "dem vereinbarten Termin",
    )
    return [
        ViewingHeld(
            offer_id=facts.offer_id,
            viewing_id=viewing.viewing_id,
            household_id=viewing.household_id,
            provider=viewing.provider,
            outcome=command.outcome,
            accompanied_by_tandem=command.accompanied_by_tandem,
            tandem_id=command.tandem_id,
            occurred_at=business_time(command.held_on),
        )
    ]


def request_guarantee(command: RequestGuarantee, state: Offer) -> list[GuaranteeRequested]:
    facts = rules.still_open(state)
    if command.guarantee_id in state.guarantees:
        raise RuleViolation("guarantee_exists", "Diese Übernahme ist bereits beantragt.")
    proposal = rules.active_proposal(state, command.household_id)
    for pending in state.guarantees.values():
        if (
            pending.household_id == command.household_id
            and pending.kind is command.kind
            and pending.decision is None
        ):
            raise RuleViolation(
                "guarantee_pending",
                f"Eine Übernahme dieser Art ist seit {pending.requested_on:%d.%m.%Y} beantragt "
                "und noch nicht entschieden.",
            )
    rules.not_in_future(command.requested_on, command.today, "Der Antrag")
    rules.not_before(
        command.requested_on, proposal.proposed_on, "before_proposal", "Der Antrag", "dem Vorschlag"
    )
    rules.deposit_within_limit(command.kind, command.amount, facts, "Der beantragte Betrag")
    return [
        GuaranteeRequested(
            offer_id=facts.offer_id,
            guarantee_id=command.guarantee_id,
            household_id=proposal.household_id,
            provider=proposal.provider,
            kind=command.kind,
            requested_from=command.requested_from,
            amount=command.amount,
            funding=command.funding,
            occurred_at=business_time(command.requested_on),
        )
    ]


def decide_guarantee(command: DecideGuarantee, state: Offer) -> list[GuaranteeDecided]:
    # The authority's decision is a fact even if the flat is let or withdrawn by now.
    facts = rules.received(state)
    guarantee = state.guarantees.get(command.guarantee_id)
    if guarantee is None:
        raise NotFound("guarantee", "Antrag auf Übernahme nicht gefunden.")
    if guarantee.decision is not None:
        raise RuleViolation(
            "already_decided",
            f"Über diesen Antrag ist bereits entschieden ({guarantee.decided_on:%d.%m.%Y}).",
        )
    rules.not_in_future(command.decided_on, command.today, "Die Entscheidung")
    rules.not_before(
        command.decided_on,
        guarantee.requested_on,
        "before_request",
        "Die Entscheidung",
        "dem Antrag",
    )
    approved = command.decision is GuaranteeDecision.approved
    granted, funding = None, None
    if approved:
        # Granted as requested unless the decision says otherwise.
        granted = command.granted_amount or guarantee.amount
        funding = command.funding or guarantee.funding
        rules.deposit_within_limit(guarantee.kind, granted, facts, "Der bewilligte Betrag")
    elif command.granted_amount is not None or command.funding is not None:
        raise RuleViolation(
            "declined_with_amount", "Betrag und Form gibt es nur bei einer Bewilligung."
        )
    return [
        GuaranteeDecided(
            offer_id=facts.offer_id,
            guarantee_id=guarantee.guarantee_id,
            household_id=guarantee.household_id,
            provider=guarantee.provider,
            kind=guarantee.kind,
            requested_from=guarantee.requested_from,
            requested_on=guarantee.requested_on,
            decision=command.decision,
            requested_amount=guarantee.amount,
            granted_amount=granted,
            funding=funding,
            occurred_at=business_time(command.decided_on),
        )
    ]
