"""NATS request/reply handlers for the central inquiry inbox (`auszug.rpc.intake.<name>`),
registered by their declarations (shared/contracts/intake/operations.py)."""

from __future__ import annotations

from services.intake.application.inquiries import InquiryInbox
from shared.contracts.intake import (
    GetInquiry,
    Inquiries,
    InquiryRef,
    InquiryView,
    ListInquiries,
    ReceiveInquiry,
    TriageInquiryBody,
)
from shared.contracts.intake import operations as ops
from shared.contracts.operation import Addressed
from shared.identity import Caller
from shared.service import ServiceHost


def register_inquiry_handlers(host: ServiceHost) -> None:
    inbox = InquiryInbox(host.commands)
    rpc = host.rpc

    @rpc.handle(ops.RECEIVE_INQUIRY)
    async def receive_inquiry(body: ReceiveInquiry, caller: Caller) -> InquiryRef:
        return await inbox.receive(body, caller)

    @rpc.handle(ops.TRIAGE_INQUIRY)
    async def triage_inquiry(body: Addressed[TriageInquiryBody], caller: Caller) -> InquiryRef:
        return await inbox.triage(body.id, body.body, caller)

    @rpc.handle(ops.GET_INQUIRY)
    async def get_inquiry(body: GetInquiry, caller: Caller) -> InquiryView:
        return await inbox.get(body, caller)

    @rpc.handle(ops.LIST_INQUIRIES)
    async def list_inquiries(body: ListInquiries, caller: Caller) -> Inquiries:
        return await inbox.list(body, caller)
