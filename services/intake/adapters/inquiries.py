"""The central inbox's tables: the list the coordinator works from, and the personal data
of each inquiry (sender, contact, text, notes), which never goes into events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.intake.adapters.tables import inquiry_details, inquiry_inbox, inquiry_notes
from shared.contracts.intake import (
    Contact,
    InquiryChannel,
    InquirySummary,
    ReceiveInquiry,
    SenderKind,
    TriageOutcome,
)


async def save_inquiry(
    conn: AsyncConnection,
    municipality: str,
    inquiry_id: UUID,
    received_at: datetime,
    request: ReceiveInquiry,
) -> None:
    contact = request.contact or Contact()
    await conn.execute(
        insert(inquiry_inbox).values(
            inquiry_id=inquiry_id,
            municipality=municipality,
            sender_kind=request.sender_kind.value,
            channel=request.channel.value,
            received_at=received_at,
        )
    )
    await conn.execute(
        insert(inquiry_details).values(
            inquiry_id=inquiry_id,
            sender_name=request.sender_name,
            phone=contact.phone,
            email=contact.email,
            text=request.text,
        )
    )


async def record_triage(
    conn: AsyncConnection,
    inquiry_id: UUID,
    *,
    triage: int,
    first_triaged_at: datetime | None,
    last_outcome: TriageOutcome | None,
    note: str | None,
) -> None:
    await conn.execute(
        update(inquiry_inbox)
        .where(inquiry_inbox.c.inquiry_id == inquiry_id)
        .values(
            first_triaged_at=first_triaged_at,
            last_outcome=last_outcome.value if last_outcome else None,
        )
    )
    if note:
        await conn.execute(
            insert(inquiry_notes).values(inquiry_id=inquiry_id, triage=triage, note=note)
        )


@dataclass
class InquiryPersonalData:
    sender_name: str | None = None
    contact: Contact | None = None
    text: str | None = None
    notes: dict[int, str] = field(default_factory=dict)


async def load_inquiry_data(conn: AsyncConnection, inquiry_id: UUID) -> InquiryPersonalData:
    data = InquiryPersonalData()
    row = (
        await conn.execute(
            select(inquiry_details).where(inquiry_details.c.inquiry_id == inquiry_id)
        )
    ).first()
    if row is not None:
        data.sender_name, data.text = row.sender_name, row.text
        if row.phone or row.email:
            data.contact = Contact(phone=row.phone, email=row.email)
    notes = await conn.execute(
        select(inquiry_notes).where(inquiry_notes.c.inquiry_id == inquiry_id)
    )
    data.notes = {n.triage: n.note for n in notes}
    return data


async def list_inbox(
    conn: AsyncConnection, municipality: str, *, open_only: bool
) -> list[InquirySummary]:
    """The municipality's inquiries, oldest first (the open ones: waiting longest first)."""
    query = select(inquiry_inbox).where(inquiry_inbox.c.municipality == municipality)
    if open_only:
        query = query.where(inquiry_inbox.c.first_triaged_at.is_(None))
    rows = await conn.execute(query.order_by(inquiry_inbox.c.received_at))
    return [
        InquirySummary(
            inquiry_id=r.inquiry_id,
            sender_kind=SenderKind(r.sender_kind),
            channel=InquiryChannel(r.channel),
            received_at=r.received_at,
            first_triaged_at=r.first_triaged_at,
            last_outcome=TriageOutcome(r.last_outcome) if r.last_outcome else None,
        )
        for r in rows
    ]
