"""NATS request/reply handlers for data protection (`auszug.rpc.intake.<name>`)."""

from __future__ import annotations

from services.intake.application.privacy import Privacy
from services.intake.entrypoints.household_handlers import on_household
from shared.contracts.intake import (
    EraseHousehold,
    ExportHousehold,
    HouseholdExport,
    HouseholdRef,
    LiftRestriction,
    RestrictProcessing,
    RestrictProcessingBody,
)
from shared.contracts.intake import operations as ops
from shared.contracts.intake.privacy import EraseMember
from shared.contracts.operation import Addressed
from shared.identity import Caller
from shared.service import ServiceHost


def register_privacy_handlers(host: ServiceHost) -> None:
    privacy = Privacy(host.commands)
    rpc = host.rpc

    @rpc.handle(ops.ERASE_HOUSEHOLD)
    async def erase_household(body: EraseHousehold, caller: Caller) -> HouseholdRef:
        return await privacy.erase(body, caller)

    @rpc.handle(ops.ERASE_MEMBER)
    async def erase_member(body: EraseMember, caller: Caller) -> HouseholdRef:
        return await privacy.erase_member(body, caller)

    @rpc.handle(ops.RESTRICT_HOUSEHOLD)
    async def restrict_household(
        body: Addressed[RestrictProcessingBody], caller: Caller
    ) -> HouseholdRef:
        return await privacy.restrict(on_household(RestrictProcessing, body), caller)

    @rpc.handle(ops.LIFT_HOUSEHOLD_RESTRICTION)
    async def lift_household_restriction(body: LiftRestriction, caller: Caller) -> HouseholdRef:
        return await privacy.lift(body, caller)

    @rpc.handle(ops.EXPORT_HOUSEHOLD)
    async def export_household(body: ExportHousehold, caller: Caller) -> HouseholdExport:
        return await privacy.export(body, caller)
