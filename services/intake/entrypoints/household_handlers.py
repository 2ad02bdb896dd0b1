"""NATS request/reply handlers for households (`auszug.rpc.intake.<name>`)."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

from services.intake.application.directory import Directory
from services.intake.application.duplicates import DuplicateDecisions
from services.intake.application.household_changes import HouseholdChanges
from services.intake.application.households import Households
from services.intake.application.master_data import MasterData
from shared.contracts.intake import (
    AssessHousingReadiness,
    AssessHousingReadinessBody,
    AssignCaseworker,
    AssignCaseworkerBody,
    ChangeAccommodation,
    ChangeAccommodationBody,
    ChangeComposition,
    ChangeCompositionBody,
    DeregisterHousehold,
    DeregisterHouseholdBody,
    DuplicateDecision,
    Duplicates,
    DuplicateView,
    GetHousehold,
    HandOverHousehold,
    HandOverHouseholdBody,
    HouseholdRef,
    HouseholdView,
    ListDuplicates,
    RegisterHousehold,
)
from shared.contracts.intake import operations as ops
from shared.contracts.intake.directory import (
    HouseholdDirectory,
    HouseholdTitles,
    HouseholdTitlesQuery,
    SearchHouseholds,
)
from shared.contracts.intake.master_data import (
    ChangeNeeds,
    ChangeNeedsBody,
    CorrectPersonalData,
    CorrectPersonalDataBody,
)
from shared.contracts.operation import Addressed
from shared.identity import Caller
from shared.service import ServiceHost

M = TypeVar("M", bound=BaseModel)


def on_household(command: type[M], request: Addressed[Any]) -> M:
    """The use case's command: the addressed body with the household it acts on."""
    return command.model_validate({**dict(request.body), "household_id": request.id})


def register_household_handlers(host: ServiceHost) -> None:
    households = Households(host.commands)
    changes = HouseholdChanges(host.commands)
    duplicates = DuplicateDecisions(host.commands)
    directory = Directory(host.commands)
    master_data = MasterData(host.commands)
    rpc = host.rpc

    @rpc.handle(ops.SEARCH_HOUSEHOLDS)
    async def search_households(body: SearchHouseholds, caller: Caller) -> HouseholdDirectory:
        return await directory.search(body, caller)

    @rpc.handle(ops.HOUSEHOLD_TITLES)
    async def household_titles(body: HouseholdTitlesQuery, caller: Caller) -> HouseholdTitles:
        return await directory.titles(body, caller)

    @rpc.handle(ops.REGISTER_HOUSEHOLD)
    async def register_household(body: RegisterHousehold, caller: Caller) -> HouseholdRef:
        return await households.register(body, caller)

    @rpc.handle(ops.GET_HOUSEHOLD)
    async def get_household(body: GetHousehold, caller: Caller) -> HouseholdView:
        return await households.get(body, caller)

    @rpc.handle(ops.CHANGE_COMPOSITION)
    async def change_composition(
        body: Addressed[ChangeCompositionBody], caller: Caller
    ) -> HouseholdRef:
        return await changes.change_composition(on_household(ChangeComposition, body), caller)

    @rpc.handle(ops.CHANGE_ACCOMMODATION)
    async def change_accommodation(
        body: Addressed[ChangeAccommodationBody], caller: Caller
    ) -> HouseholdRef:
        return await changes.change_accommodation(on_household(ChangeAccommodation, body), caller)

    @rpc.handle(ops.HAND_OVER_HOUSEHOLD)
    async def hand_over_household(
        body: Addressed[HandOverHouseholdBody], caller: Caller
    ) -> HouseholdRef:
        return await changes.hand_over(on_household(HandOverHousehold, body), caller)

    @rpc.handle(ops.DEREGISTER_HOUSEHOLD)
    async def deregister_household(
        body: Addressed[DeregisterHouseholdBody], caller: Caller
    ) -> HouseholdRef:
        return await changes.deregister(on_household(DeregisterHousehold, body), caller)

    @rpc.handle(ops.ASSESS_HOUSING_READINESS)
    async def assess_housing_readiness(
        body: Addressed[AssessHousingReadinessBody], caller: Caller
    ) -> HouseholdRef:
        return await changes.assess_readiness(on_household(AssessHousingReadiness, body), caller)

    @rpc.handle(ops.ASSIGN_CASEWORKER)
    async def assign_caseworker(
        body: Addressed[AssignCaseworkerBody], caller: Caller
    ) -> HouseholdRef:
        return await changes.assign_caseworker(on_household(AssignCaseworker, body), caller)

    @rpc.handle(ops.LIST_DUPLICATES)
    async def list_duplicates(body: ListDuplicates, caller: Caller) -> Duplicates:
        return await duplicates.list(body, caller)

    @rpc.handle(ops.LINK_DUPLICATE)
    async def link_duplicate(body: DuplicateDecision, caller: Caller) -> DuplicateView:
        return await duplicates.link(body, caller)

    @rpc.handle(ops.DISMISS_DUPLICATE)
    async def dismiss_duplicate(body: DuplicateDecision, caller: Caller) -> DuplicateView:
        return await duplicates.dismiss(body, caller)

    @rpc.handle(ops.REVOKE_DUPLICATE_DECISION)
    async def revoke_duplicate_decision(body: DuplicateDecision, caller: Caller) -> DuplicateView:
        return await duplicates.revoke(body, caller)

    @rpc.handle(ops.CORRECT_PERSONAL_DATA)
    async def correct_personal_data(
        body: Addressed[CorrectPersonalDataBody], caller: Caller
    ) -> HouseholdRef:
        return await master_data.correct(on_household(CorrectPersonalData, body), caller)

    @rpc.handle(ops.CHANGE_NEEDS)
    async def change_needs(body: Addressed[ChangeNeedsBody], caller: Caller) -> HouseholdRef:
        return await master_data.change_needs(on_household(ChangeNeeds, body), caller)
