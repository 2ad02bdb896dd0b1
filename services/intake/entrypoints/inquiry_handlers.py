"""NATS request/reply handlers for the central inquiry inbox (`auszug.rpc.intake.<name>`)."""

from __future__ import annotations

from services.intake.application.inquiries import InquiryInbox
from shared.contracts.intake import (
    GetInquiry,
    Inquiries,
    InquiryRef,
    InquiryView,
    ListInquiries,
    ReceiveInquiry,
    TriageInquiry,
)
from shared.identity import Caller
from shared.service import ServiceHost


def register_inquiry_handlers(host: ServiceHost) -> None:
    inbox = InquiryInbox(host.commands)
    rpc = host.rpc

    @rpc.handle("receive_inquiry", ReceiveInquiry)
    async def receive_inquiry(body: ReceiveInquiry, caller: Caller) -> InquiryRef:
        return await inbox.receive(body, caller)

    @rpc.handle("triage_inquiry", TriageInquiry)
    async def triage_inquiry(body: TriageInquiry, caller: Caller) -> InquiryRef:
        return await inbox.triage(body, caller)

    @rpc.handle("get_inquiry", GetInquiry)
    async def get_inquiry(body: GetInquiry, caller: Caller) -> InquiryView:
        return await inbox.get(body, caller)

    @rpc.handle("list_inquiries", ListInquiries)
    async def list_inquiries(body: ListInquiries, caller: Caller) -> Inquiries:
        return await inbox.list(body, caller)
