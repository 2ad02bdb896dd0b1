"""NATS request/reply handlers for consents and disclosures (`auszug.rpc.intake.<name>`)."""

from __future__ import annotations

from services.intake.application.consents import Consents
from shared.contracts.intake import (
    ConsentRef,
    Disclosures,
    ListDisclosures,
    RecordConsent,
    WithdrawConsent,
)
from shared.identity import Caller
from shared.service import ServiceHost


def register_consent_handlers(host: ServiceHost) -> None:
    consents = Consents(host.commands)
    rpc = host.rpc

    @rpc.handle("record_consent", RecordConsent)
    async def record_consent(body: RecordConsent, caller: Caller) -> ConsentRef:
        return await consents.record(body, caller)

    @rpc.handle("withdraw_consent", WithdrawConsent)
    async def withdraw_consent(body: WithdrawConsent, caller: Caller) -> ConsentRef:
        return await consents.withdraw(body, caller)

    @rpc.handle("list_disclosures", ListDisclosures)
    async def list_disclosures(body: ListDisclosures, caller: Caller) -> Disclosures:
        return await consents.disclosures(body, caller)
