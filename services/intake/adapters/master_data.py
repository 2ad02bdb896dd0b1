"""Rectification of a household's personal data (Art. 16 DSGVO) in intake's tables: what
is stored now, the changes written with their history row, the history read back.

Runs inside the command's transaction (CommandExecutor's `also`), so the data, the
history and the `PersonalDataCorrected` event commit together or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID, uuid4

from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.intake.adapters.personal_data import name_key, name_key_rows, phone_key
from services.intake.adapters.tables import (
    household_details,
    household_members,
    household_name_keys,
    personal_data_corrections,
)
from shared.contracts.intake import AgeBand, CorrectedField
from shared.contracts.intake.master_data import CorrectionView

MEMBER_FIELDS = (CorrectedField.given_name, CorrectedField.family_name, CorrectedField.birth_date)
DETAIL_FIELDS = (CorrectedField.phone, CorrectedField.email, CorrectedField.note)

Value = str | date | None


@dataclass(frozen=True)
class StoredMember:
    member_id: UUID
    age_band: AgeBand
    values: dict[CorrectedField, Value]


@dataclass(frozen=True)
class Stored:
    """The household's correctable personal data as stored now."""

    members: dict[UUID, StoredMember]
    details: dict[CorrectedField, Value]


@dataclass(frozen=True)
class Change:
    """One field's rectification; `member_id` None for contact and note."""

    member_id: UUID | None
    field: CorrectedField
    old: Value
    new: Value


async def stored(conn: AsyncConnection, household_id: UUID) -> Stored:
    m, d = household_members, household_details
    members = {
        row.member_id: StoredMember(
            member_id=row.member_id,
            age_band=AgeBand(row.age_band),
            values={
                CorrectedField.given_name: row.given_name,
                CorrectedField.family_name: row.family_name,
                CorrectedField.birth_date: row.birth_date,
            },
        )
        for row in await conn.execute(
            select(m).where(m.c.household_id == household_id).order_by(m.c.position)
        )
    }
    row = (await conn.execute(select(d).where(d.c.household_id == household_id))).first()
    details: dict[CorrectedField, Value] = {
        CorrectedField.phone: row.phone if row else None,
        CorrectedField.email: row.email if row else None,
        CorrectedField.note: row.note if row else None,
    }
    return Stored(members=members, details=details)


_NAMES = (CorrectedField.given_name, CorrectedField.family_name)


async def _rekey(conn: AsyncConnection, household_id: UUID, member_ids: set[UUID]) -> None:
    """The directory's search keys follow a corrected name (a member who left has none)."""
    m, k = household_members, household_name_keys
    await conn.execute(delete(k).where(k.c.member_id.in_(member_ids)))
    current = await conn.execute(
        select(m.c.member_id, m.c.household_id, m.c.given_name, m.c.family_name).where(
            m.c.household_id == household_id,
            m.c.member_id.in_(member_ids),
            m.c.left_on.is_(None),
        )
    )
    keys = name_key_rows([dict(row._mapping) for row in current])
    if keys:
        await conn.execute(insert(k), keys)


def _text(value: Value) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


async def write_changes(
    conn: AsyncConnection, household_id: UUID, changes: list[Change], actor: str, at: datetime
) -> None:
    """Write the new values (and the search keys that follow them) and one history row
    per changed field."""
    m, d = household_members, household_details
    by_member: dict[UUID, dict[str, Value]] = {}
    details: dict[str, Value] = {}
    for change in changes:
        if change.member_id is None:
            details[change.field.value] = change.new
            if change.field is CorrectedField.phone:
                details["phone_key"] = phone_key(_text(change.new))
        else:
            values = by_member.setdefault(change.member_id, {})
            values[change.field.value] = change.new
            if change.field is CorrectedField.family_name:
                values["family_name_key"] = name_key(_text(change.new))
    for member_id, values in by_member.items():
        await conn.execute(
            update(m)
            .where(m.c.household_id == household_id, m.c.member_id == member_id)
            .values(**values)
        )
    if details:
        await conn.execute(update(d).where(d.c.household_id == household_id).values(**details))
    renamed = {c.member_id for c in changes if c.member_id and c.field in _NAMES}
    if renamed:
        await _rekey(conn, household_id, renamed)
    await conn.execute(
        insert(personal_data_corrections),
        [
            {
                "correction_id": uuid4(),
                "household_id": household_id,
                "member_id": change.member_id,
                "field": change.field.value,
                "old_value": _text(change.old),
                "new_value": _text(change.new),
                "corrected_at": at,
                "actor": actor,
            }
            for change in changes
        ],
    )


async def corrections_of(conn: AsyncConnection, household_id: UUID) -> list[CorrectionView]:
    """The household's rectifications, newest first."""
    c = personal_data_corrections
    rows = await conn.execute(
        select(c)
        .where(c.c.household_id == household_id)
        .order_by(c.c.corrected_at.desc(), c.c.field, c.c.correction_id)
    )
    return [
        CorrectionView(
            member_id=row.member_id,
            field=CorrectedField(row.field),
            old_value=row.old_value,
            new_value=row.new_value,
            corrected_at=row.corrected_at,
            actor=row.actor,
        )
        for row in rows
    ]
