"""The caseboard's rules: which stage a move-out case is in, after each event. Pure.

A case is a household in move-out management, from registration to deregistration.
Its stage is the furthest step of the flat it is currently in the running for; when that
chance ends (the landlord declines, the offer is withdrawn, expires or goes to another
household) the case falls back to `ready` or `registered`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID

from shared.clock import business_day
from shared.contracts.intake import (
    CaseworkerAssigned,
    HouseholdCompositionChanged,
    HouseholdDeregistered,
    HouseholdHandedOver,
    HouseholdRegistered,
    HousingReadinessAssessed,
    ReadinessResult,
)
from shared.contracts.placement import (
    GuaranteeDecided,
    GuaranteeRequested,
    HouseholdProposed,
    LandlordDecided,
    LandlordDecision,
    OfferExpired,
    OfferWithdrawn,
    PlacementCompleted,
    ViewingHeld,
    ViewingOutcome,
    ViewingScheduled,
)
from shared.contracts.reporting import Stage
from shared.contracts.reporting.labels import NEXT_STEP, STAGE
from shared.envelope import DomainEvent

HOUSEHOLD_EVENTS = (
    HouseholdRegistered,
    HouseholdCompositionChanged,
    HouseholdHandedOver,
    HouseholdDeregistered,
    HousingReadinessAssessed,
    HouseholdProposed,
    LandlordDecided,
    ViewingScheduled,
    ViewingHeld,
    GuaranteeRequested,
    GuaranteeDecided,
    PlacementCompleted,
    CaseworkerAssigned,
)
OFFER_EVENTS = (OfferWithdrawn, OfferExpired, PlacementCompleted)
IN_THE_RUNNING = {Stage.proposed, Stage.viewing, Stage.guarantee_pending}

STAGE_LABELS = {stage: STAGE[stage.value] for stage in Stage}


@dataclass(frozen=True)
class CaseCard:
    municipality: str
    household_id: UUID
    provider: str
    adults: int
    minors: int
    registered_on: date
    stage: Stage
    stage_since: date
    ready: bool = False
    offer_id: UUID | None = None
    pending_guarantees: int = 0
    moved_on: date | None = None
    caseworker: str | None = None

    def at(self, stage: Stage, day: date, **changes: object) -> CaseCard:
        since = self.stage_since if stage is self.stage else day
        return replace(self, stage=stage, stage_since=since, **changes)  # type: ignore[arg-type]

    def fallen_back(self, day: date) -> CaseCard:
        """Out of the running for its flat: back to where it stood before."""
        stage = Stage.ready if self.ready else Stage.registered
        return self.at(stage, day, offer_id=None, pending_guarantees=0)

    def on(self, today: date) -> tuple[Stage, date]:
        """Stage and since when, as seen on `today` (a signed lease becomes a move)."""
        if self.stage is Stage.lease_signed and self.moved_on and self.moved_on <= today:
            return Stage.moved, self.moved_on
        return self.stage, self.stage_since


def open_case(event: HouseholdRegistered, municipality: str) -> CaseCard:
    day = business_day(event.occurred_at)
    return CaseCard(
        municipality=municipality,
        household_id=event.household_id,
        provider=event.provider,
        adults=event.adults,
        minors=event.minors,
        registered_on=day,
        stage=Stage.registered,
        stage_since=day,
    )


def evolve(card: CaseCard, event: DomainEvent) -> CaseCard | None:
    """The card after an event about its household; None once the case is closed."""
    day = business_day(event.occurred_at)
    match event:
        case HouseholdDeregistered():
            return None
        case HouseholdCompositionChanged(adults=adults, minors=minors):
            return replace(card, adults=adults, minors=minors)
        case HouseholdHandedOver(to_provider=provider):
            # Intake leaves a handed-over household without a responsible caseworker.
            return replace(card, provider=provider, caseworker=None)
        case CaseworkerAssigned(caseworker=caseworker):
            return replace(card, caseworker=caseworker)
        case HousingReadinessAssessed(result=result):
            ready = result is not ReadinessResult.not_yet
            card = replace(card, ready=ready)
            if card.stage in (Stage.registered, Stage.ready):
                return card.at(Stage.ready if ready else Stage.registered, day)
            return card
        case HouseholdProposed(offer_id=offer_id):
            return card.at(Stage.proposed, day, offer_id=offer_id, pending_guarantees=0)
        case LandlordDecided(offer_id=offer_id, decision=LandlordDecision.declined):
            return card.fallen_back(day) if _running_for(card, offer_id) else card
        case ViewingScheduled(offer_id=offer_id):
            return card.at(Stage.viewing, day, offer_id=offer_id)
        case ViewingHeld(offer_id=offer_id, outcome=ViewingOutcome.household_not_interested):
            return card.fallen_back(day) if _running_for(card, offer_id) else card
        case GuaranteeRequested(offer_id=offer_id):
            pending = card.pending_guarantees + 1
            return card.at(
                Stage.guarantee_pending, day, offer_id=offer_id, pending_guarantees=pending
            )
        case GuaranteeDecided():
            pending = max(card.pending_guarantees - 1, 0)
            stage = Stage.guarantee_pending if pending else Stage.viewing
            if card.stage is not Stage.guarantee_pending:
                return replace(card, pending_guarantees=pending)
            return card.at(stage, day, pending_guarantees=pending)
        case PlacementCompleted(offer_id=offer_id, moved_on=moved_on):
            return card.at(Stage.lease_signed, day, offer_id=offer_id, moved_on=moved_on)
        case _:
            return card


def offer_ended(
    card: CaseCard, event: OfferWithdrawn | OfferExpired | PlacementCompleted
) -> CaseCard:
    """The card of another household in the running for an offer that is gone."""
    if isinstance(event, PlacementCompleted) and event.household_id == card.household_id:
        return card
    if _running_for(card, event.offer_id):
        return card.fallen_back(business_day(event.occurred_at))
    return card


def _running_for(card: CaseCard, offer_id: UUID) -> bool:
    return card.offer_id == offer_id and card.stage in IN_THE_RUNNING


def next_step(stage: Stage, card: CaseCard) -> str:
    """What is due next, in the words of the staff."""
    if stage is Stage.lease_signed and card.moved_on is not None:
        return f"Umzug am {card.moved_on.strftime('%d.%m.%Y')} vorbereiten"
    return NEXT_STEP[stage.value]
