"""Reading and keeping the restricted households of the reporting read model."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from uuid import UUID

from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.reporting.adapters.caseboard_table import restricted_households as t


async def restrict(
    conn: AsyncConnection, municipality: str, household_id: UUID, restricted_on: date
) -> None:
    """Mark the household restricted; marking it again (a replay) changes nothing."""
    await lift(conn, municipality, household_id)
    await conn.execute(
        insert(t).values(
            municipality=municipality, household_id=household_id, restricted_on=restricted_on
        )
    )


async def lift(conn: AsyncConnection, municipality: str, household_id: UUID) -> None:
    await conn.execute(
        delete(t).where(t.c.municipality == municipality, t.c.household_id == household_id)
    )


async def restricted_in(
    conn: AsyncConnection, municipality: str, household_ids: Iterable[UUID] | None = None
) -> set[UUID]:
    """The restricted households of the municipality (only those of `household_ids`)."""
    statement = select(t.c.household_id).where(t.c.municipality == municipality)
    if household_ids is not None:
        wanted = set(household_ids)
        if not wanted:
            return set()
        statement = statement.where(t.c.household_id.in_(wanted))
    return set((await conn.execute(statement)).scalars())
