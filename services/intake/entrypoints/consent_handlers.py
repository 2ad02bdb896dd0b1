"""NATS request/reply handlers for consents and disclosures (`auszug.rpc.intake.<name>`)."""

from __future__ import annotations

from services.intake.application.consents import Consents
from services.intake.entrypoints.household_handlers import on_household
from shared.contracts.intake import (
    ConsentRef,
    Disclosures,
    ListDisclosures,
    RecordConsent,
    RecordConsentBody,
    WithdrawConsent,
)
from shared.contracts.intake import operations as ops
from shared.contracts.operation import Addressed
from shared.identity import Caller
from shared.service import ServiceHost


def register_consent_handlers(host: ServiceHost) -> None:
    consents = Consents(host.commands)
    rpc = host.rpc

    @rpc.handle(ops.RECORD_CONSENT)
    async def record_consent(body: Addressed[RecordConsentBody], caller: Caller) -> ConsentRef:
        return await consents.record(on_household(RecordConsent, body), caller)

    @rpc.handle(ops.WITHDRAW_CONSENT)
    async def withdraw_consent(body: WithdrawConsent, caller: Caller) -> ConsentRef:
        return await consents.withdraw(body, caller)

    @rpc.handle(ops.LIST_DISCLOSURES)
    async def list_disclosures(body: ListDisclosures, caller: Caller) -> Disclosures:
        return await consents.disclosures(body, caller)
