"""A case's personal data: the household's contact person and address, who referred it in
person, and the notes of every step. Written in the same transaction as the events that
mention the case; never copied into an event."""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.prevention.adapters.tables import (
    case_details,
    case_file_notes,
    case_notes,
    follow_ups,
)
from shared.casework.documents import Archive
from shared.contracts.prevention.requests import ReceiveReferral
from shared.contracts.prevention.views import HouseholdContactRecord

# Notes of steps that have no id of their own.
ELIGIBILITY = "eligibility"
REJECTION = "rejection"
CONSENT_WITHDRAWAL = "consent_withdrawal"
CLOSING = "closing"


async def save_referral(
    conn: AsyncConnection, municipality: str, case_id: UUID, request: ReceiveReferral
) -> None:
    contact = request.contact
    await conn.execute(
        insert(case_details).values(
            case_id=case_id,
            municipality=municipality,
            contact_name=contact.name if contact else None,
            phone=contact.phone if contact else None,
            email=contact.email if contact else None,
            street_address=request.street_address,
            referred_by=request.referred_by,
            note=request.note,
        )
    )


async def save_note(conn: AsyncConnection, case_id: UUID, entry: str, note: str | None) -> None:
    """The note of one step or act; a later note of the same step replaces the earlier one."""
    if not note:
        return
    await conn.execute(
        delete(case_notes).where(case_notes.c.case_id == case_id, case_notes.c.entry == entry)
    )
    await conn.execute(insert(case_notes).values(case_id=case_id, entry=entry, note=note))


@dataclass
class CasePersonalData:
    contact: HouseholdContactRecord | None = None
    street_address: str | None = None
    referred_by: str | None = None
    note: str | None = None
    notes: dict[str, str] = field(default_factory=dict)

    def note_of(self, entry: UUID | str) -> str | None:
        return self.notes.get(str(entry))


async def load_personal_data(conn: AsyncConnection, case_id: UUID) -> CasePersonalData:
    """Everything personal prevention knows about a case (empty if nothing)."""
    data = CasePersonalData()
    row = (
        await conn.execute(select(case_details).where(case_details.c.case_id == case_id))
    ).first()
    if row is not None:
        if row.contact_name:
            data.contact = HouseholdContactRecord(
                name=row.contact_name, phone=row.phone, email=row.email
            )
        data.street_address, data.referred_by, data.note = (
            row.street_address,
            row.referred_by,
            row.note,
        )
    notes = await conn.execute(select(case_notes).where(case_notes.c.case_id == case_id))
    data.notes = {n.entry: n.note for n in notes}
    return data


async def erase_case_rows(conn: AsyncConnection, case_id: UUID, documents: Archive) -> int:
    """Delete every personal-data row prevention holds on the case (also the notes written
    on it, shared/casework/notes.py, and its documents with their bytes in the document
    store, shared/casework/documents.py); how many rows went."""
    deleted = await documents.erase(conn, [case_id])
    for table in (case_details, case_notes, case_file_notes):
        result = await conn.execute(delete(table).where(table.c.case_id == case_id))
        deleted += result.rowcount or 0
    # The texts of the case's written follow-ups (their events stay, without text).
    result = await conn.execute(delete(follow_ups).where(follow_ups.c.subject_id == case_id))
    return deleted + (result.rowcount or 0)
