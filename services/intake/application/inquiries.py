"""The central inquiry inbox (Bergisch Gladbach): receive, triage, list and show inquiries.

The inbox is the coordinator's. Sender, contact, text and notes go to intake's tables;
the events carry the kind of sender, the channel, the outcome and the moments.
"""

from __future__ import annotations

from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncConnection

from services.intake.adapters.inquiries import (
    list_inbox,
    load_inquiry_data,
    record_triage,
    save_inquiry,
)
from services.intake.application import access
from services.intake.domain import household as hh
from services.intake.domain import inquiry as iq
from shared.access import require_known_provider
from shared.application import CommandExecutor
from shared.clock import utcnow
from shared.contracts.intake import (
    ForwardTarget,
    GetInquiry,
    Inquiries,
    InquiryReceived,
    InquiryRef,
    InquiryTriaged,
    InquiryView,
    ListInquiries,
    ReceiveInquiry,
    TriageInquiryBody,
    TriageOutcome,
    TriageView,
)
from shared.decider import NotFound, RuleViolation
from shared.identity import Caller
from shared.validation import client_id_guard

ACTION = "den zentralen Posteingang bearbeiten"


class InquiryInbox:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def receive(self, request: ReceiveInquiry, caller: Caller) -> InquiryRef:
        access.require_coordinator(caller, ACTION)
        inquiry_id = request.inquiry_id or uuid4()
        now = utcnow()
        received_at = request.received_at or now
        command = iq.ReceiveInquiry(
            inquiry_id=inquiry_id,
            sender_kind=request.sender_kind,
            channel=request.channel,
            received_at=received_at,
            now=now,
        )

        async def personal_data(conn: AsyncConnection, _: iq.Inquiry) -> None:
            await save_inquiry(conn, caller.municipality, inquiry_id, received_at, request)

        async with client_id_guard("already_received", request.inquiry_id):
            await self.commands.execute(
                iq.inquiry,
                iq.stream_id(caller.municipality, inquiry_id),
                command,
                caller.command_context(),
                provider=lambda _: None,
                also=personal_data,
            )
        return InquiryRef(inquiry_id=inquiry_id)

    async def triage(
        self, inquiry_id: UUID, request: TriageInquiryBody, caller: Caller
    ) -> InquiryRef:
        access.require_coordinator(caller, ACTION)
        if request.forwarded_to_kind is ForwardTarget.provider:
            assert request.forwarded_to is not None
            require_known_provider(caller, request.forwarded_to, field="forwarded_to")
        if request.outcome is TriageOutcome.opened_as_case:
            assert request.household_id is not None
            case, _ = await self.commands.load(
                hh.household, hh.stream_id(caller.municipality, request.household_id)
            )
            if not case.registered:
                raise RuleViolation(
                    "unknown_household",
                    "Der angegebene Haushalt ist nicht aufgenommen. "
                    "Bitte zuerst den Haushalt aufnehmen, dann die Anfrage zuordnen.",
                )
        now = utcnow()
        command = iq.TriageInquiry(
            outcome=request.outcome,
            triaged_at=request.triaged_at or now,
            now=now,
            forwarded_to_kind=request.forwarded_to_kind,
            forwarded_to=request.forwarded_to,
            household_id=request.household_id,
        )

        async def write_inbox(conn: AsyncConnection, state: iq.Inquiry) -> None:
            await record_triage(
                conn,
                inquiry_id,
                triage=state.triaged,
                first_triaged_at=state.first_triaged_at,
                last_outcome=state.last_outcome,
                note=request.note,
            )

        await self.commands.execute(
            iq.inquiry,
            iq.stream_id(caller.municipality, inquiry_id),
            command,
            caller.command_context(),
            provider=lambda _: None,
            also=write_inbox,
        )
        return InquiryRef(inquiry_id=inquiry_id)

    async def get(self, query: GetInquiry, caller: Caller) -> InquiryView:
        access.require_coordinator(caller, ACTION)
        async with self.commands.db.read() as conn:
            history = await self.commands.store.load(
                conn, iq.stream_id(caller.municipality, query.inquiry_id)
            )
            personal = await load_inquiry_data(conn, query.inquiry_id)
        events = [r.event for r in history]
        received = next((e for e in events if isinstance(e, InquiryReceived)), None)
        if received is None:
            raise NotFound("inquiry", "Anfrage nicht gefunden.")
        triaged = [e for e in events if isinstance(e, InquiryTriaged)]
        return InquiryView(
            inquiry_id=received.inquiry_id,
            municipality=caller.municipality,
            sender_kind=received.sender_kind,
            channel=received.channel,
            received_at=received.occurred_at,
            first_triaged_at=triaged[0].occurred_at if triaged else None,
            last_outcome=triaged[-1].outcome if triaged else None,
            sender_name=personal.sender_name,
            contact=personal.contact,
            text=personal.text,
            triage=[
                TriageView(
                    outcome=t.outcome,
                    triaged_at=t.occurred_at,
                    forwarded_to_kind=t.forwarded_to_kind,
                    forwarded_to=t.forwarded_to,
                    household_id=t.household_id,
                    note=personal.notes.get(n),
                )
                for n, t in enumerate(triaged, start=1)
            ],
            version=len(history),
        )

    async def list(self, query: ListInquiries, caller: Caller) -> Inquiries:
        access.require_coordinator(caller, ACTION)
        async with self.commands.db.read() as conn:
            items, total = await list_inbox(conn, caller.municipality, query)
            # The household a case was opened for is in the inquiry's stream only: read for
            # the few of this page that were opened as a case.
            for n, item in enumerate(items):
                if item.last_outcome is TriageOutcome.opened_as_case:
                    history = await self.commands.store.load(
                        conn, iq.stream_id(caller.municipality, item.inquiry_id)
                    )
                    triaged = [r.event for r in history if isinstance(r.event, InquiryTriaged)]
                    household = triaged[-1].household_id if triaged else None
                    items[n] = item.model_copy(update={"household_id": household})
        return Inquiries(items=items, page=query.info(total))
