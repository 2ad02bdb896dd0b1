"""Placement's rule-made follow-ups: a proposal the landlord has not answered, a guarantee
not decided, a viewing not recorded, a lease not signed. Pure.

Every one is on the offer (the page whose forms settle it), keyed by what can be several
at once on one offer: the proposed household, the guarantee, the viewing. The offer
ending (withdrawn, expired, or let to a household) ends every step still open on it; a
landlord's "no" ends the steps of that household on the offer. A placement taken back
because it was recorded by mistake expects that household's lease again.
"""

from __future__ import annotations

from collections.abc import Sequence

from services.reporting.domain.follow_ups import Closed, Opened, Signal
from shared.clock import business_day
from shared.contracts.followups import Rule, SubjectKind
from shared.contracts.placement import (
    GuaranteeDecided,
    GuaranteeRequested,
    HouseholdProposed,
    LandlordDecided,
    LandlordDecision,
    OfferExpired,
    OfferWithdrawn,
    PlacementCompleted,
    PlacementRetracted,
    RetractionReason,
    ViewingHeld,
    ViewingScheduled,
)
from shared.envelope import DomainEvent

RULES = (
    Rule.proposal_unanswered,
    Rule.guarantee_undecided,
    Rule.viewing_unrecorded,
    Rule.lease_missing,
)
# Steps of one household on the offer that a landlord's "no" makes moot.
AFTER_PROPOSAL = (Rule.viewing_unrecorded, Rule.guarantee_undecided, Rule.lease_missing)


def signals(event: DomainEvent, municipality: str, provider: str | None) -> Sequence[Signal]:
    """What `event` opens and closes among placement's follow-ups."""
    offer = SubjectKind.offer
    match event:
        case HouseholdProposed():
            return [
                Opened(
                    Rule.proposal_unanswered,
                    offer,
                    event.offer_id,
                    business_day(event.occurred_at),
                    key=event.household_id,
                    household_id=event.household_id,
                    provider=event.provider,
                )
            ]
        case LandlordDecided():
            closed: list[Signal] = [
                Closed(Rule.proposal_unanswered, event.offer_id, key=event.household_id)
            ]
            if event.decision is LandlordDecision.accepted:
                return [
                    *closed,
                    Opened(
                        Rule.lease_missing,
                        offer,
                        event.offer_id,
                        business_day(event.occurred_at),
                        key=event.household_id,
                        household_id=event.household_id,
                        provider=event.provider,
                    ),
                ]
            return [
                *closed,
                *(
                    Closed(rule, event.offer_id, household_id=event.household_id)
                    for rule in AFTER_PROPOSAL
                ),
            ]
        case ViewingScheduled():
            return [
                Opened(
                    Rule.viewing_unrecorded,
                    offer,
                    event.offer_id,
                    event.viewing_on,
                    key=event.viewing_id,
                    household_id=event.household_id,
                    provider=event.provider,
                )
            ]
        case ViewingHeld():
            return [Closed(Rule.viewing_unrecorded, event.offer_id, key=event.viewing_id)]
        case GuaranteeRequested():
            return [
                Opened(
                    Rule.guarantee_undecided,
                    offer,
                    event.offer_id,
                    business_day(event.occurred_at),
                    key=event.guarantee_id,
                    household_id=event.household_id,
                    provider=event.provider,
                )
            ]
        case GuaranteeDecided():
            return [Closed(Rule.guarantee_undecided, event.offer_id, key=event.guarantee_id)]
        case PlacementCompleted() | OfferWithdrawn() | OfferExpired():
            # The lease is signed (by this household or another) or the flat is gone.
            return [Closed(rule, event.offer_id) for rule in RULES]
        case PlacementRetracted(reason=RetractionReason.entered_by_mistake):
            # Recorded before the lease was signed: the landlord's "yes" to this household
            # still stands (placement refuses to propose it again and takes its lease), so
            # its lease is missing again, counted from the correction (the event does not
            # repeat the day of the "yes").
            return [
                Opened(
                    Rule.lease_missing,
                    offer,
                    event.offer_id,
                    business_day(event.occurred_at),
                    key=event.household_id,
                    household_id=event.household_id,
                    provider=event.provider,
                )
            ]
        case PlacementRetracted():
            # The lease did not come about, or it was another household's: no lease is
            # expected of this household on this flat. The other households' steps the
            # placement ended stay ended (the offer is open again and takes new proposals).
            return []
        case _:
            return []
