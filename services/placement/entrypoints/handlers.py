"""Placement's NATS request handlers: one thin function per declared operation
(shared/contracts/placement/operations.py)."""

from __future__ import annotations

from services.placement.application.household_course import household_course
from services.placement.application.landlords import Landlords
from services.placement.application.matching import Matching
from services.placement.application.offers import Offers
from services.placement.application.proposals import Proposals
from services.placement.application.rules import get_rules, replace_rules
from shared.contracts import placement as c
from shared.contracts.operation import Addressed
from shared.contracts.placement import operations as ops
from shared.identity import Caller
from shared.service import ServiceHost


def register_handlers(host: ServiceHost) -> None:
    landlords = Landlords(host.commands)
    offers = Offers(host.commands)
    proposals = Proposals(host.commands)
    matching = Matching(host.commands)
    rpc = host.rpc

    @rpc.handle(ops.REGISTER_LANDLORD)
    async def register_landlord(body: c.RegisterLandlord, caller: Caller) -> c.LandlordRef:
        return await landlords.register(body, caller)

    @rpc.handle(ops.CONCLUDE_COOPERATION)
    async def conclude_cooperation(
        body: Addressed[c.ConcludeCooperation], caller: Caller
    ) -> c.LandlordRef:
        return await landlords.conclude_cooperation(body.id, body.body, caller)

    @rpc.handle(ops.GET_LANDLORD)
    async def get_landlord(body: c.GetLandlord, caller: Caller) -> c.LandlordView:
        return await landlords.get(body.landlord_id, caller)

    @rpc.handle(ops.LIST_LANDLORDS)
    async def list_landlords(body: c.ListLandlords, caller: Caller) -> c.LandlordList:
        return await landlords.listing(caller)

    @rpc.handle(ops.RECEIVE_OFFER)
    async def receive_offer(body: c.ReceiveOffer, caller: Caller) -> c.OfferRef:
        return await offers.receive(body, caller)

    @rpc.handle(ops.WITHDRAW_OFFER)
    async def withdraw_offer(body: Addressed[c.WithdrawOffer], caller: Caller) -> c.OfferRef:
        return await offers.withdraw(body.id, body.body, caller)

    @rpc.handle(ops.EXPIRE_OFFER)
    async def expire_offer(body: Addressed[c.ExpireOffer], caller: Caller) -> c.OfferRef:
        return await offers.expire(body.id, body.body, caller)

    @rpc.handle(ops.GET_OFFER)
    async def get_offer(body: c.GetOffer, caller: Caller) -> c.OfferView:
        return await offers.get(body.offer_id, caller)

    @rpc.handle(ops.LIST_OFFERS)
    async def list_offers(body: c.GetOffers, caller: Caller) -> c.OfferList:
        return await offers.listing(body, caller)

    @rpc.handle(ops.OFFER_MATCHES)
    async def offer_matches(body: c.OfferMatchesQuery, caller: Caller) -> c.OfferMatches:
        return await matching.for_offer(body, caller)

    @rpc.handle(ops.HOUSEHOLD_OFFERS)
    async def household_offers(body: c.HouseholdOffersQuery, caller: Caller) -> c.HouseholdOffers:
        return await matching.for_household(body, caller)

    @rpc.handle(ops.HOUSEHOLD_COURSE)
    async def course(body: c.HouseholdCourseQuery, caller: Caller) -> c.HouseholdCourse:
        return await household_course(host.commands, body, caller)

    @rpc.handle(ops.PROPOSE_HOUSEHOLDS)
    async def propose(body: Addressed[c.ProposeHouseholds], caller: Caller) -> c.OfferRef:
        return await proposals.propose(body.id, body.body, caller)

    @rpc.handle(ops.RECORD_LANDLORD_DECISION)
    async def landlord_decision(
        body: Addressed[c.RecordLandlordDecision], caller: Caller
    ) -> c.OfferRef:
        return await proposals.record_landlord_decision(body.id, body.body, caller)

    @rpc.handle(ops.SCHEDULE_VIEWING)
    async def schedule_viewing(body: Addressed[c.ScheduleViewing], caller: Caller) -> c.ViewingRef:
        return await proposals.schedule_viewing(body.id, body.body, caller)

    @rpc.handle(ops.RECORD_VIEWING)
    async def record_viewing(body: Addressed[c.RecordViewing], caller: Caller) -> c.OfferRef:
        return await proposals.record_viewing(body.id, body.body, caller)

    @rpc.handle(ops.REQUEST_GUARANTEE)
    async def request_guarantee(
        body: Addressed[c.RequestGuarantee], caller: Caller
    ) -> c.GuaranteeRef:
        return await proposals.request_guarantee(body.id, body.body, caller)

    @rpc.handle(ops.DECIDE_GUARANTEE)
    async def decide_guarantee(body: Addressed[c.DecideGuarantee], caller: Caller) -> c.OfferRef:
        return await proposals.decide_guarantee(body.id, body.body, caller)

    @rpc.handle(ops.COMPLETE_PLACEMENT)
    async def complete_placement(
        body: Addressed[c.CompletePlacement], caller: Caller
    ) -> c.OfferRef:
        return await proposals.complete(body.id, body.body, caller)

    @rpc.handle(ops.RETRACT_PLACEMENT)
    async def retract_placement(body: Addressed[c.RetractPlacement], caller: Caller) -> c.OfferRef:
        return await offers.retract_placement(body.id, body.body, caller)

    @rpc.handle(ops.GET_RULES)
    async def rules(body: c.GetRules, caller: Caller) -> c.PlacementRules:
        return await get_rules(host.db, caller)

    @rpc.handle(ops.REPLACE_RULES)
    async def set_rules(body: c.PlacementRules, caller: Caller) -> c.PlacementRules:
        return await replace_rules(host.db, body, caller)
