"""NATS request/reply handlers for data protection (`auszug.rpc.intake.<name>`)."""

from __future__ import annotations

from services.intake.application.privacy import Privacy
from shared.contracts.intake import (
    EraseHousehold,
    ExportHousehold,
    HouseholdExport,
    HouseholdRef,
    LiftRestriction,
    RestrictProcessing,
)
from shared.contracts.intake.privacy import EraseMember
from shared.identity import Caller
from shared.service import ServiceHost


def register_privacy_handlers(host: ServiceHost) -> None:
    privacy = Privacy(host.commands)
    rpc = host.rpc

    @rpc.handle("erase_household", EraseHousehold)
    async def erase_household(body: EraseHousehold, caller: Caller) -> HouseholdRef:
        return await privacy.erase(body, caller)

    @rpc.handle("erase_member", EraseMember)
    async def erase_member(body: EraseMember, caller: Caller) -> HouseholdRef:
        return await privacy.erase_member(body, caller)

    @rpc.handle("restrict_household", RestrictProcessing)
    async def restrict_household(body: RestrictProcessing, caller: Caller) -> HouseholdRef:
        return await privacy.restrict(body, caller)

    @rpc.handle("lift_household_restriction", LiftRestriction)
    async def lift_household_restriction(body: LiftRestriction, caller: Caller) -> HouseholdRef:
        return await privacy.lift(body, caller)

    @rpc.handle("export_household", ExportHousehold)
    async def export_household(body: ExportHousehold, caller: Caller) -> HouseholdExport:
        return await privacy.export(body, caller)
