"""Possible duplicates: found in the personal-data tables, listed for the coordinator.

A household looks like another one of the same municipality when a current member has
the same family name and birth date, or the household has the same phone number.
Restricted households (Art. 18 DSGVO) are left out of both the search and the list.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from sqlalchemy import Select, and_, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.intake.adapters.personal_data import name_key, phone_key
from services.intake.adapters.tables import (
    duplicate_candidates,
    household_details,
    household_members,
    household_restrictions,
)
from shared.contracts.intake import DuplicateStatus, DuplicateView, RegisterHousehold
from shared.db import Database


async def find_possible_duplicates(
    db: Database, municipality: str, household_id: UUID, request: RegisterHousehold
) -> list[UUID]:
    """Households of `municipality` whose personal data match the registration's."""
    people = {
        (key, m.birth_date)
        for m in request.members
        if m.birth_date is not None and (key := name_key(m.family_name))
    }
    phone = phone_key(request.contact.phone if request.contact else None)
    if not people and not phone:
        # Nothing to compare: no transaction (on SQLite it would take the write lock).
        return []
    found: dict[UUID, None] = {}
    async with db.transaction() as conn:
        if people:
            found.update(
                dict.fromkeys(await _same_person(conn, municipality, household_id, people))
            )
        if phone:
            rows = await conn.execute(
                select(household_details.c.household_id).where(
                    household_details.c.municipality == municipality,
                    household_details.c.household_id != household_id,
                    household_details.c.phone_key == phone,
                    household_details.c.household_id.not_in(_restricted()),
                )
            )
            found.update(dict.fromkeys(rows.scalars()))
    return list(found)


async def _same_person(
    conn: AsyncConnection,
    municipality: str,
    household_id: UUID,
    people: set[tuple[str, date]],
) -> list[UUID]:
    """Households with a current member of the same family name and birth date."""
    rows = await conn.execute(
        select(household_members.c.household_id)
        .join(
            household_details,
            household_details.c.household_id == household_members.c.household_id,
        )
        .where(
            household_details.c.municipality == municipality,
            household_members.c.household_id != household_id,
            household_members.c.left_on.is_(None),
            household_members.c.household_id.not_in(_restricted()),
            or_(
                *(
                    and_(
                        household_members.c.family_name_key == key,
                        household_members.c.birth_date == born,
                    )
                    for key, born in sorted(people)
                )
            ),
        )
    )
    return list(rows.scalars())


async def record_flags(
    conn: AsyncConnection, municipality: str, household_id: UUID, others: list[UUID], on: date
) -> None:
    if others:
        await conn.execute(
            insert(duplicate_candidates),
            [
                {
                    "household_id": household_id,
                    "other_household_id": other,
                    "municipality": municipality,
                    "status": DuplicateStatus.open.value,
                    "flagged_on": on,
                }
                for other in others
            ],
        )


async def set_status(
    conn: AsyncConnection, household_id: UUID, other: UUID, status: DuplicateStatus
) -> None:
    await conn.execute(
        update(duplicate_candidates)
        .where(
            duplicate_candidates.c.household_id == household_id,
            duplicate_candidates.c.other_household_id == other,
        )
        .values(status=status.value)
    )


async def list_candidates(
    conn: AsyncConnection, municipality: str, status: DuplicateStatus | None
) -> list[DuplicateView]:
    query = select(duplicate_candidates).where(
        duplicate_candidates.c.municipality == municipality,
        duplicate_candidates.c.household_id.not_in(_restricted()),
        duplicate_candidates.c.other_household_id.not_in(_restricted()),
    )
    if status is not None:
        query = query.where(duplicate_candidates.c.status == status.value)
    rows = await conn.execute(query.order_by(duplicate_candidates.c.flagged_on))
    return [
        DuplicateView(
            household_id=r.household_id,
            other_household_id=r.other_household_id,
            status=DuplicateStatus(r.status),
        )
        for r in rows
    ]


def _restricted() -> Select[tuple[UUID]]:
    return select(household_restrictions.c.household_id)
