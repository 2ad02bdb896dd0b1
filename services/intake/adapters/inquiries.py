"""The central inbox's tables: the list the coordinator works from, and the personal data
of each inquiry (sender, contact, text, notes), which never goes into events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, case, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.intake.adapters.tables import inquiry_details, inquiry_inbox, inquiry_notes
from shared.contracts.intake import (
    Contact,
    InquiryChannel,
    InquirySummary,
    ListInquiries,
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
    conn: AsyncConnection, municipality: str, query: ListInquiries
) -> tuple[list[InquirySummary], int]:
    """One page of the municipality's inquiries as asked, and how many there are in all.
    Sorted in SQL; ties by arrival (the longest waiting first), then by id."""
    t = inquiry_inbox
    where = [t.c.municipality == municipality]
    if query.open_only:
        where.append(t.c.first_triaged_at.is_(None))
    if query.channel is not None:
        where.append(t.c.channel == query.channel.value)
    if query.sender_kind is not None:
        where.append(t.c.sender_kind == query.sender_kind.value)
    if query.outcome is not None:
        where.append(t.c.last_outcome == query.outcome.value)
    keys: dict[str, ColumnElement[Any]] = {
        # Open (not yet triaged) first.
        "status": case((t.c.first_triaged_at.is_(None), 0), else_=1),
        "received": t.c.received_at,
        "channel": t.c.channel,
        "sender": t.c.sender_kind,
    }
    key = keys[query.sort]
    order = [key.desc() if query.descending else key.asc()]
    if query.sort != "received":
        order.append(t.c.received_at.asc())
    statement = (
        select(t)
        .where(*where)
        .order_by(*order, t.c.inquiry_id)
        .limit(query.per_page)
        .offset(query.offset)
    )
    rows = await conn.execute(statement)
    total = (await conn.execute(select(func.count()).select_from(t).where(*where))).scalar_one()
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
    ], total
