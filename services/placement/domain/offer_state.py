"""The state of an offer, rebuilt by folding its events. Pure.

The offer is the aggregate of everything that happens around one flat: proposals,
viewings, guarantees and the lease. That makes "let only once" the stream's own
optimistic concurrency: two leases on one flat append at the same version, one loses.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, time
from decimal import Decimal
from uuid import UUID

from shared.clock import business_day
from shared.contracts.placement import (
    GuaranteeAuthority,
    GuaranteeDecided,
    GuaranteeDecision,
    GuaranteeFunding,
    GuaranteeKind,
    GuaranteeRequested,
    HouseholdProposed,
    LandlordDecided,
    LandlordDecision,
    OfferExpired,
    OfferReceived,
    OfferStatus,
    OfferWithdrawn,
    PlacementCompleted,
    PlacementRetracted,
    ViewingHeld,
    ViewingOutcome,
    ViewingScheduled,
)

Event = (
    OfferReceived
    | OfferWithdrawn
    | OfferExpired
    | HouseholdProposed
    | LandlordDecided
    | ViewingScheduled
    | ViewingHeld
    | GuaranteeRequested
    | GuaranteeDecided
    | PlacementCompleted
    | PlacementRetracted
)


@dataclass(frozen=True)
class Proposal:
    household_id: UUID
    provider: str
    proposed_on: date
    decision: LandlordDecision | None = None
    decided_on: date | None = None


@dataclass(frozen=True)
class Viewing:
    viewing_id: UUID
    household_id: UUID
    provider: str
    viewing_on: date
    viewing_at: time | None = None
    held_on: date | None = None
    outcome: ViewingOutcome | None = None
    accompanied_by_tandem: bool = False


@dataclass(frozen=True)
class Guarantee:
    guarantee_id: UUID
    household_id: UUID
    provider: str
    kind: GuaranteeKind
    requested_from: GuaranteeAuthority
    requested_on: date
    amount: Decimal | None = None
    funding: GuaranteeFunding | None = None
    decision: GuaranteeDecision | None = None
    decided_on: date | None = None
    granted_amount: Decimal | None = None
    granted_funding: GuaranteeFunding | None = None


@dataclass(frozen=True)
class Offer:
    facts: OfferReceived | None = None
    status: OfferStatus = OfferStatus.open
    closed_on: date | None = None
    let_to: UUID | None = None
    # The placement in force, so that a correction can repeat what it takes back.
    placement: PlacementCompleted | None = None
    retracted: PlacementRetracted | None = None
    proposals: dict[UUID, Proposal] = field(default_factory=dict)
    viewings: dict[UUID, Viewing] = field(default_factory=dict)
    guarantees: dict[UUID, Guarantee] = field(default_factory=dict)

    @property
    def received(self) -> bool:
        return self.facts is not None

    @property
    def received_on(self) -> date:
        assert self.facts is not None
        return business_day(self.facts.occurred_at)

    def tandem_accompanied(self, household_id: UUID) -> bool:
        """A held viewing of this household for this flat was accompanied by a tandem."""
        return any(
            v.household_id == household_id and v.held_on is not None and v.accompanied_by_tandem
            for v in self.viewings.values()
        )


def evolve(state: Offer, event: Event) -> Offer:
    day = business_day(event.occurred_at)
    match event:
        case OfferReceived():
            return Offer(facts=event)
        case OfferWithdrawn():
            return replace(state, status=OfferStatus.withdrawn, closed_on=day)
        case OfferExpired():
            return replace(state, status=OfferStatus.expired, closed_on=day)
        case HouseholdProposed():
            proposal = Proposal(event.household_id, event.provider, day)
            return replace(state, proposals={**state.proposals, event.household_id: proposal})
        case LandlordDecided():
            decided = replace(
                state.proposals[event.household_id], decision=event.decision, decided_on=day
            )
            return replace(state, proposals={**state.proposals, event.household_id: decided})
        case ViewingScheduled():
            viewing = Viewing(
                event.viewing_id,
                event.household_id,
                event.provider,
                event.viewing_on,
                event.viewing_at,
            )
            return replace(state, viewings={**state.viewings, event.viewing_id: viewing})
        case ViewingHeld():
            held = replace(
                state.viewings[event.viewing_id],
                held_on=day,
                outcome=event.outcome,
                accompanied_by_tandem=event.accompanied_by_tandem,
            )
            return replace(state, viewings={**state.viewings, event.viewing_id: held})
        case GuaranteeRequested():
            guarantee = Guarantee(
                event.guarantee_id,
                event.household_id,
                event.provider,
                event.kind,
                event.requested_from,
                day,
                amount=event.amount,
                funding=event.funding,
            )
            return replace(state, guarantees={**state.guarantees, event.guarantee_id: guarantee})
        case GuaranteeDecided():
            decided_guarantee = replace(
                state.guarantees[event.guarantee_id],
                decision=event.decision,
                decided_on=day,
                granted_amount=event.granted_amount,
                granted_funding=event.funding,
            )
            guarantees = {**state.guarantees, event.guarantee_id: decided_guarantee}
            return replace(state, guarantees=guarantees)
        case PlacementCompleted():
            return replace(
                state,
                status=OfferStatus.let,
                closed_on=day,
                let_to=event.household_id,
                placement=event,
            )
        case PlacementRetracted():
            return replace(
                state,
                status=OfferStatus.open,
                closed_on=None,
                let_to=None,
                placement=None,
                retracted=event,
            )
        case _:
            return state
