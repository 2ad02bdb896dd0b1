"""Placement's NATS request handlers: one thin function per command or query."""

from __future__ import annotations

from services.placement.application.household_course import household_course
from services.placement.application.landlords import Landlords
from services.placement.application.matching import Matching
from services.placement.application.offers import Offers
from services.placement.application.proposals import Proposals
from services.placement.application.rules import get_rules, replace_rules
from services.placement.application.stalled import stalled_cases
from shared.contracts import placement as c
from shared.identity import Caller
from shared.service import ServiceHost


def register_handlers(host: ServiceHost) -> None:
    landlords = Landlords(host.commands)
    offers = Offers(host.commands)
    proposals = Proposals(host.commands)
    matching = Matching(host.commands)
    rpc = host.rpc

    @rpc.handle("register_landlord", c.RegisterLandlord)
    async def register_landlord(body: c.RegisterLandlord, caller: Caller) -> c.LandlordRef:
        return await landlords.register(body, caller)

    @rpc.handle("conclude_cooperation", c.LandlordCommand[c.ConcludeCooperation])
    async def conclude_cooperation(
        body: c.LandlordCommand[c.ConcludeCooperation], caller: Caller
    ) -> c.LandlordRef:
        return await landlords.conclude_cooperation(body.landlord_id, body.body, caller)

    @rpc.handle("get_landlord", c.GetLandlord)
    async def get_landlord(body: c.GetLandlord, caller: Caller) -> c.LandlordView:
        return await landlords.get(body.landlord_id, caller)

    @rpc.handle("list_landlords", c.ListLandlords)
    async def list_landlords(body: c.ListLandlords, caller: Caller) -> c.LandlordList:
        return await landlords.listing(caller)

    @rpc.handle("receive_offer", c.ReceiveOffer)
    async def receive_offer(body: c.ReceiveOffer, caller: Caller) -> c.OfferRef:
        return await offers.receive(body, caller)

    @rpc.handle("withdraw_offer", c.OfferCommand[c.WithdrawOffer])
    async def withdraw_offer(body: c.OfferCommand[c.WithdrawOffer], caller: Caller) -> c.OfferRef:
        return await offers.withdraw(body.offer_id, body.body, caller)

    @rpc.handle("expire_offer", c.OfferCommand[c.ExpireOffer])
    async def expire_offer(body: c.OfferCommand[c.ExpireOffer], caller: Caller) -> c.OfferRef:
        return await offers.expire(body.offer_id, body.body, caller)

    @rpc.handle("get_offer", c.GetOffer)
    async def get_offer(body: c.GetOffer, caller: Caller) -> c.OfferView:
        return await offers.get(body.offer_id, caller)

    @rpc.handle("list_offers", c.GetOffers)
    async def list_offers(body: c.GetOffers, caller: Caller) -> c.OfferList:
        return await offers.listing(body, caller)

    @rpc.handle("offer_matches", c.OfferMatchesQuery)
    async def offer_matches(body: c.OfferMatchesQuery, caller: Caller) -> c.OfferMatches:
        return await matching.for_offer(body, caller)

    @rpc.handle("household_offers", c.HouseholdOffersQuery)
    async def household_offers(body: c.HouseholdOffersQuery, caller: Caller) -> c.HouseholdOffers:
        return await matching.for_household(body, caller)

    @rpc.handle("household_course", c.HouseholdCourseQuery)
    async def course(body: c.HouseholdCourseQuery, caller: Caller) -> c.HouseholdCourse:
        return await household_course(host.commands, body, caller)

    @rpc.handle("propose_households", c.OfferCommand[c.ProposeHouseholds])
    async def propose(body: c.OfferCommand[c.ProposeHouseholds], caller: Caller) -> c.OfferRef:
        return await proposals.propose(body.offer_id, body.body, caller)

    @rpc.handle("record_landlord_decision", c.OfferCommand[c.RecordLandlordDecision])
    async def landlord_decision(
        body: c.OfferCommand[c.RecordLandlordDecision], caller: Caller
    ) -> c.OfferRef:
        return await proposals.record_landlord_decision(body.offer_id, body.body, caller)

    @rpc.handle("schedule_viewing", c.OfferCommand[c.ScheduleViewing])
    async def schedule_viewing(
        body: c.OfferCommand[c.ScheduleViewing], caller: Caller
    ) -> c.ViewingRef:
        return await proposals.schedule_viewing(body.offer_id, body.body, caller)

    @rpc.handle("record_viewing", c.OfferCommand[c.RecordViewing])
    async def record_viewing(body: c.OfferCommand[c.RecordViewing], caller: Caller) -> c.OfferRef:
        return await proposals.record_viewing(body.offer_id, body.body, caller)

    @rpc.handle("request_guarantee", c.OfferCommand[c.RequestGuarantee])
    async def request_guarantee(
        body: c.OfferCommand[c.RequestGuarantee], caller: Caller
    ) -> c.GuaranteeRef:
        return await proposals.request_guarantee(body.offer_id, body.body, caller)

    @rpc.handle("decide_guarantee", c.OfferCommand[c.DecideGuarantee])
    async def decide_guarantee(
        body: c.OfferCommand[c.DecideGuarantee], caller: Caller
    ) -> c.OfferRef:
        return await proposals.decide_guarantee(body.offer_id, body.body, caller)

    @rpc.handle("complete_placement", c.OfferCommand[c.CompletePlacement])
    async def complete_placement(
        body: c.OfferCommand[c.CompletePlacement], caller: Caller
    ) -> c.OfferRef:
        return await proposals.complete(body.offer_id, body.body, caller)

    @rpc.handle("retract_placement", c.OfferCommand[c.RetractPlacement])
    async def retract_placement(
        body: c.OfferCommand[c.RetractPlacement], caller: Caller
    ) -> c.OfferRef:
        return await offers.retract_placement(body.offer_id, body.body, caller)

    @rpc.handle("stalled_cases", c.StalledQuery)
    async def stalled(body: c.StalledQuery, caller: Caller) -> c.StalledCases:
        return await stalled_cases(host.db, body, caller)

    @rpc.handle("get_rules", c.GetRules)
    async def rules(body: c.GetRules, caller: Caller) -> c.PlacementRules:
        return await get_rules(host.db, caller)

    @rpc.handle("replace_rules", c.PlacementRules)
    async def set_rules(body: c.PlacementRules, caller: Caller) -> c.PlacementRules:
        return await replace_rules(host.db, body, caller)
