"""Households whose processing intake restricted (Art. 18 DSGVO, §84 SGB X).

Prevention keeps no picture of intake's households; this table is the one thing it
learns about them, from intake's events: a row means "restricted since". Only ids and
days, no personal data.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from uuid import UUID

from sqlalchemy import Column, Date, String, Table, Uuid, delete, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.prevention.adapters.tables import PREVENTION

restricted_households = Table(
    "restricted_households",
    PREVENTION,
    Column("municipality", String(64), primary_key=True),
    Column("household_id", Uuid, primary_key=True),
    Column("restricted_on", Date, nullable=False),
)


async def restrict(
    conn: AsyncConnection, municipality: str, household_id: UUID, restricted_on: date
) -> None:
    """Mark the household restricted; marking it again (a replay) changes nothing."""
    await lift(conn, municipality, household_id)
    await conn.execute(
        insert(restricted_households).values(
            municipality=municipality, household_id=household_id, restricted_on=restricted_on
        )
    )


async def lift(conn: AsyncConnection, municipality: str, household_id: UUID) -> None:
    t = restricted_households
    await conn.execute(
        delete(t).where(t.c.municipality == municipality, t.c.household_id == household_id)
    )


async def restricted_among(
    conn: AsyncConnection, municipality: str, household_ids: Iterable[UUID]
) -> set[UUID]:
    """Those of `household_ids` that are restricted now."""
    wanted = set(household_ids)
    if not wanted:
        return set()
    t = restricted_households
    rows = await conn.execute(
        select(t.c.household_id).where(
            t.c.municipality == municipality, t.c.household_id.in_(wanted)
        )
    )
    return set(rows.scalars())
