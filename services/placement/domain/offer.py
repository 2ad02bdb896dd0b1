"""The offer decider: every command on a flat offer, routed to the rule that decides it."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from services.placement.domain import offer_lifecycle as lifecycle
from services.placement.domain import offer_proposals as proposals
from services.placement.domain.offer_commands import (
    Command,
    CompletePlacement,
    DecideGuarantee,
    ExpireOffer,
    ProposeHouseholds,
    ReceiveOffer,
    RecordLandlordDecision,
    RecordViewing,
    RequestGuarantee,
    RetractPlacement,
    ScheduleViewing,
    WithdrawOffer,
)
from services.placement.domain.offer_state import Event, Offer, evolve
from shared.decider import Decider


def decide(command: Command, state: Offer) -> Sequence[Event]:
    match command:
        case ReceiveOffer():
            return lifecycle.receive(command, state)
        case WithdrawOffer():
            return lifecycle.withdraw(command, state)
        case ExpireOffer():
            return lifecycle.expire(command, state)
        case CompletePlacement():
            return lifecycle.complete(command, state)
        case RetractPlacement():
            return lifecycle.retract(command, state)
        case ProposeHouseholds():
            return proposals.propose(command, state)
        case RecordLandlordDecision():
            return proposals.record_landlord_decision(command, state)
        case ScheduleViewing():
            return proposals.schedule_viewing(command, state)
        case RecordViewing():
            return proposals.record_viewing(command, state)
        case RequestGuarantee():
            return proposals.request_guarantee(command, state)
        case DecideGuarantee():
            return proposals.decide_guarantee(command, state)


offer: Decider[Command, Event, Offer] = Decider(decide=decide, evolve=evolve, initial_state=Offer())


def stream_id(municipality: str, offer_id: UUID) -> str:
    """Streams are named per municipality, so another tenant's id finds nothing."""
    return f"offer:{municipality}:{offer_id}"
