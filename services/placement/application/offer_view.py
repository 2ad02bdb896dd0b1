"""An offer as staff see it: its facts and what happened, limited to what the caller may see.

A caseworker sees the offer itself, but of the proposals, viewings and guarantees only
those of their own provider's households, and none of a household whose processing is
restricted (Art. 18 DSGVO; `hidden`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from uuid import UUID

from services.placement.domain.offer_state import Offer
from shared.access import ProviderScope
from shared.clock import business_day
from shared.contracts import placement as c


def offer_view(
    state: Offer,
    version: int,
    scope: ProviderScope,
    street_address: str | None,
    note: str | None,
    hidden: Collection[UUID] = (),
    places: Mapping[UUID, str] | None = None,
) -> c.OfferView:
    facts = state.facts
    assert facts is not None

    def shown(provider: str, household_id: UUID) -> bool:
        return scope.sees(provider) and household_id not in hidden

    let_to = state.let_to
    if let_to is not None and not shown(state.proposals[let_to].provider, let_to):
        let_to = None
    return c.OfferView(
        **facts.model_dump(exclude={"occurred_at"}),
        received_on=business_day(facts.occurred_at),
        status=state.status,
        street_address=street_address,
        note=note,
        closed_on=state.closed_on,
        let_to=let_to,
        proposals=[
            c.ProposalView(
                household_id=p.household_id,
                provider=p.provider,
                proposed_on=p.proposed_on,
                decision=p.decision,
                decided_on=p.decided_on,
            )
            for p in state.proposals.values()
            if shown(p.provider, p.household_id)
        ],
        viewings=[
            c.ViewingView(
                viewing_id=v.viewing_id,
                household_id=v.household_id,
                viewing_on=v.viewing_on,
                viewing_at=v.viewing_at,
                held_on=v.held_on,
                outcome=v.outcome,
                accompanied_by_tandem=v.accompanied_by_tandem,
                place=(places or {}).get(v.viewing_id),
            )
            for v in state.viewings.values()
            if shown(v.provider, v.household_id)
        ],
        guarantees=[
            c.GuaranteeView(
                guarantee_id=g.guarantee_id,
                household_id=g.household_id,
                kind=g.kind,
                requested_from=g.requested_from,
                requested_on=g.requested_on,
                amount=g.amount,
                funding=g.funding,
                decision=g.decision,
                decided_on=g.decided_on,
                granted_amount=g.granted_amount,
                granted_funding=g.granted_funding,
            )
            for g in state.guarantees.values()
            if shown(g.provider, g.household_id)
        ],
        lease=_lease(state.placement) if let_to is not None else None,
        version=version,
    )


def _lease(placed: c.PlacementCompleted | None) -> c.LeaseView | None:
    if placed is None:
        return None
    return c.LeaseView(
        household_id=placed.household_id,
        lease_signed_on=business_day(placed.occurred_at),
        moved_on=placed.moved_on,
        gross_cold_rent=placed.gross_cold_rent,
        warm_rent=placed.warm_rent,
        size_m2=placed.size_m2,
    )
