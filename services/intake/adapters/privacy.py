"""Intake's personal-data rows of one household: erased, restricted, exported.

Erasure deletes every row that holds the household's personal data, including the
inquiries that were opened as its case (their sender, text and notes are about it).
Rows without personal data (the duplicate list, the inbox list) stay: they hold ids,
codes and days only.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Table, and_, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.intake.adapters.tables import (
    follow_ups,
    household_consents,
    household_details,
    household_documents,
    household_members,
    household_name_keys,
    household_notes,
    household_restrictions,
    inquiry_details,
    inquiry_notes,
    personal_data_corrections,
    readiness_notes,
    tandem_disclosures,
)
from shared.casework.documents import Archive
from shared.contracts.followups import SubjectKind
from shared.contracts.intake import RestrictionReason, TriageOutcome
from shared.eventstore.schema import events

# Keyed by household id; each is exported and erased as a whole.
HOUSEHOLD_TABLES: tuple[Table, ...] = (
    household_details,
    household_members,
    household_name_keys,
    household_consents,
    readiness_notes,
    household_restrictions,
    personal_data_corrections,
    follow_ups,
    household_notes,
)
INQUIRY_TABLES: tuple[Table, ...] = (inquiry_details, inquiry_notes)
# Exported, not erased: which tandem received the household's data under which consent
# (ids and dates only) is the record that the disclosure was lawful.
EXPORTED_ONLY: tuple[Table, ...] = (tandem_disclosures,)


async def linked_inquiries(
    conn: AsyncConnection, municipality: str, household_id: UUID
) -> list[UUID]:
    """Inquiries of the inbox that were opened as this household's case."""
    rows = await conn.execute(
        select(events.c.payload).where(
            events.c.event_type == "InquiryTriaged", events.c.municipality == municipality
        )
    )
    wanted = str(household_id)
    return sorted(
        {
            UUID(p["inquiry_id"])
            for (p,) in rows
            if p.get("household_id") == wanted
            and p.get("outcome") == TriageOutcome.opened_as_case.value
        }
    )


async def erase_household_rows(
    conn: AsyncConnection, municipality: str, household_id: UUID, documents: Archive
) -> int:
    """Delete every personal-data row intake holds on the household, and its documents'
    bytes in the document store; how many rows went."""
    deleted = await documents.erase(conn, [household_id])
    for table in HOUSEHOLD_TABLES:
        result = await conn.execute(delete(table).where(table.c.household_id == household_id))
        deleted += result.rowcount or 0
    inquiries = await linked_inquiries(conn, municipality, household_id)
    if inquiries:
        for table in INQUIRY_TABLES:
            result = await conn.execute(delete(table).where(table.c.inquiry_id.in_(inquiries)))
            deleted += result.rowcount or 0
        result = await conn.execute(delete(follow_ups).where(_inquiry_follow_ups(inquiries)))
        deleted += result.rowcount or 0
    return deleted


def _inquiry_follow_ups(inquiries: list[UUID]) -> ColumnElement[bool]:
    """The written follow-ups on inquiries opened as the household's case (their texts
    are about it, like the inquiries' own)."""
    return and_(
        follow_ups.c.subject_kind == SubjectKind.inquiry.value,
        follow_ups.c.subject_id.in_(inquiries),
    )


async def member_of_household(conn: AsyncConnection, household_id: UUID, member_id: UUID) -> bool:
    """Whether `member_id` is (or was) a person of the household."""
    m = household_members
    found = await conn.execute(
        select(m.c.member_id).where(m.c.household_id == household_id, m.c.member_id == member_id)
    )
    return found.first() is not None


async def erase_member_row(conn: AsyncConnection, household_id: UUID, member_id: UUID) -> int:
    """Blank one member's name and birth date; the row stays with role, age band and the
    day they left, so the household's composition reads as before. The member's
    rectifications go too (their old and new values are the same data). How many rows
    changed."""
    m, c = household_members, personal_data_corrections
    result = await conn.execute(
        update(m)
        .where(m.c.household_id == household_id, m.c.member_id == member_id)
        .values(
            given_name=None,
            family_name=None,
            birth_date=None,
            family_name_key=None,
        )
    )
    keys = household_name_keys
    await conn.execute(delete(keys).where(keys.c.member_id == member_id))
    history = await conn.execute(
        delete(c).where(c.c.household_id == household_id, c.c.member_id == member_id)
    )
    return (result.rowcount or 0) + (history.rowcount or 0)


async def export_household_rows(
    conn: AsyncConnection, municipality: str, household_id: UUID, documents: Archive
) -> dict[str, list[dict[str, Any]]]:
    """Every personal-data row intake holds on the household, by table (Art. 15 DSGVO);
    of its documents what was kept, when and by whom (each file is downloaded from the
    household's page)."""
    exported: dict[str, list[dict[str, Any]]] = {}
    exported[household_documents.name] = await documents.export(conn, [household_id])
    for table in (*HOUSEHOLD_TABLES, *EXPORTED_ONLY):
        rows = await conn.execute(select(table).where(table.c.household_id == household_id))
        exported[table.name] = [dict(r._mapping) for r in rows]
    inquiries = await linked_inquiries(conn, municipality, household_id)
    for table in INQUIRY_TABLES:
        rows = await conn.execute(select(table).where(table.c.inquiry_id.in_(inquiries)))
        exported[table.name] = [dict(r._mapping) for r in rows]
    if inquiries:
        rows = await conn.execute(select(follow_ups).where(_inquiry_follow_ups(inquiries)))
        exported[follow_ups.name].extend(dict(r._mapping) for r in rows)
    return exported


async def save_restriction(
    conn: AsyncConnection,
    municipality: str,
    household_id: UUID,
    reason: RestrictionReason,
    restricted_on: date,
    note: str | None,
) -> None:
    await conn.execute(
        insert(household_restrictions).values(
            household_id=household_id,
            municipality=municipality,
            reason=reason.value,
            restricted_on=restricted_on,
            note=note,
        )
    )


async def drop_restriction(conn: AsyncConnection, household_id: UUID) -> None:
    await conn.execute(
        delete(household_restrictions).where(household_restrictions.c.household_id == household_id)
    )


async def restriction_note(conn: AsyncConnection, household_id: UUID) -> str | None:
    t = household_restrictions
    found = await conn.execute(select(t.c.note).where(t.c.household_id == household_id))
    return found.scalar_one_or_none()
