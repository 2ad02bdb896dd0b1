"""NATS request/reply handlers for households (`auszug.rpc.intake.<name>`)."""

from __future__ import annotations

from services.intake.application.duplicates import DuplicateDecisions
from services.intake.application.household_changes import HouseholdChanges
from services.intake.application.households import Households
from shared.contracts.intake import (
    AssessHousingReadiness,
    ChangeAccommodation,
    ChangeComposition,
    DeregisterHousehold,
    DuplicateDecision,
    Duplicates,
    DuplicateView,
    GetHousehold,
    HandOverHousehold,
    HouseholdRef,
    HouseholdView,
    ListDuplicates,
    RegisterHousehold,
)
from shared.identity import Caller
from shared.service import ServiceHost


def register_household_handlers(host: ServiceHost) -> None:
    households = Households(host.commands)
    changes = HouseholdChanges(host.commands)
    duplicates = DuplicateDecisions(host.commands)
    rpc = host.rpc

    @rpc.handle("register_household", RegisterHousehold)
    async def register_household(body: RegisterHousehold, caller: Caller) -> HouseholdRef:
        return await households.register(body, caller)

    @rpc.handle("get_household", GetHousehold)
    async def get_household(body: GetHousehold, caller: Caller) -> HouseholdView:
        return await households.get(body, caller)

    @rpc.handle("change_composition", ChangeComposition)
    async def change_composition(body: ChangeComposition, caller: Caller) -> HouseholdRef:
        return await changes.change_composition(body, caller)

    @rpc.handle("change_accommodation", ChangeAccommodation)
    async def change_accommodation(body: ChangeAccommodation, caller: Caller) -> HouseholdRef:
        return await changes.change_accommodation(body, caller)

    @rpc.handle("hand_over_household", HandOverHousehold)
    async def hand_over_household(body: HandOverHousehold, caller: Caller) -> HouseholdRef:
        return await changes.hand_over(body, caller)

    @rpc.handle("deregister_household", DeregisterHousehold)
    async def deregister_household(body: DeregisterHousehold, caller: Caller) -> HouseholdRef:
        return await changes.deregister(body, caller)

    @rpc.handle("assess_housing_readiness", AssessHousingReadiness)
    async def assess_housing_readiness(
        body: AssessHousingReadiness, caller: Caller
    ) -> HouseholdRef:
        return await changes.assess_readiness(body, caller)

    @rpc.handle("list_duplicates", ListDuplicates)
    async def list_duplicates(body: ListDuplicates, caller: Caller) -> Duplicates:
        return await duplicates.list(body, caller)

    @rpc.handle("link_duplicate", DuplicateDecision)
    async def link_duplicate(body: DuplicateDecision, caller: Caller) -> DuplicateView:
        return await duplicates.link(body, caller)

    @rpc.handle("dismiss_duplicate", DuplicateDecision)
    async def dismiss_duplicate(body: DuplicateDecision, caller: Caller) -> DuplicateView:
        return await duplicates.dismiss(body, caller)

    @rpc.handle("revoke_duplicate_decision", DuplicateDecision)
    async def revoke_duplicate_decision(body: DuplicateDecision, caller: Caller) -> DuplicateView:
        return await duplicates.revoke(body, caller)
