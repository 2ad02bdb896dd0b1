"""The tandem index: which household's stream holds a tandem, and whose tandem it is.

Written in the transaction of `TandemFormed` and never changed after (a tandem keeps
its volunteer and household), so it is as consistent as the event store itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from sqlalchemy import ColumnElement, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters.tables import tandem_index


@dataclass(frozen=True)
class TandemKey:
    tandem_id: UUID
    household_id: UUID
    volunteer_id: UUID
    provider: str


async def add(conn: AsyncConnection, municipality: str, key: TandemKey) -> None:
    await conn.execute(
        insert(tandem_index).values(
            tandem_id=key.tandem_id,
            municipality=municipality,
            household_id=key.household_id,
            volunteer_id=key.volunteer_id,
            provider=key.provider,
        )
    )


async def find(conn: AsyncConnection, municipality: str, tandem_id: UUID) -> TandemKey | None:
    found = await _select(conn, municipality, tandem_index.c.tandem_id == tandem_id)
    return found[0] if found else None


async def of_volunteer(
    conn: AsyncConnection, municipality: str, volunteer_id: UUID
) -> list[TandemKey]:
    return await _select(conn, municipality, tandem_index.c.volunteer_id == volunteer_id)


async def of_household(
    conn: AsyncConnection, municipality: str, household_id: UUID
) -> list[TandemKey]:
    return await _select(conn, municipality, tandem_index.c.household_id == household_id)


async def listing(
    conn: AsyncConnection, municipality: str, provider: str | None = None
) -> list[TandemKey]:
    condition = tandem_index.c.municipality == municipality
    if provider is not None:
        condition = condition & (tandem_index.c.provider == provider)
    return await _select(conn, municipality, condition)


async def _select(
    conn: AsyncConnection, municipality: str, condition: ColumnElement[bool]
) -> list[TandemKey]:
    t = tandem_index
    rows = await conn.execute(
        select(t).where(t.c.municipality == municipality, condition).order_by(t.c.tandem_id)
    )
    return [TandemKey(r.tandem_id, r.household_id, r.volunteer_id, r.provider) for r in rows]
