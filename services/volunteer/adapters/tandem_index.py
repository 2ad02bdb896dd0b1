"""The tandem index: which household's stream holds a tandem, and whose tandem it is.

Written in the transaction of `TandemFormed` (a tandem keeps its volunteer and household);
its days (formed, ended) follow the household's state in the transaction of each of the
stream's events, so it is as consistent as the event store itself, and the list of tandems
is paged in SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, exists, false, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters.name_search import volunteers_named
from services.volunteer.adapters.tables import known_households, tandem_index, volunteer_details
from services.volunteer.domain.tandem_state import HouseholdTandems
from shared.contracts.volunteer import ListTandems, SearchTandems


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


async def sync(conn: AsyncConnection, state: HouseholdTandems) -> None:
    """Bring the days of the household's tandems in the index up to `state`."""
    t = tandem_index
    for tandem in state.tandems:
        await conn.execute(
            update(t)
            .where(t.c.tandem_id == tandem.tandem_id)
            .values(formed_on=tandem.formed_on, ended_on=tandem.ended_on)
        )


@dataclass(frozen=True)
class Page:
    keys: list[TandemKey]
    total: int


async def page(
    conn: AsyncConnection,
    municipality: str,
    query: ListTandems,
    *,
    provider: str | None,
    volunteer_id: UUID | None,
    with_restricted: bool,
) -> Page:
    """One page of tandems in the caller's scope: of `provider` (None: every provider), of
    `volunteer_id` only if given, a restricted household's only `with_restricted`."""
    t, h, d = tandem_index, known_households, volunteer_details
    found = select(t).where(t.c.municipality == municipality)
    for wanted in (provider, query.provider):
        if wanted is not None:
            found = found.where(t.c.provider == wanted)
    if volunteer_id is not None:
        found = found.where(t.c.volunteer_id == volunteer_id)
    if not query.include_ended:
        found = found.where(t.c.ended_on.is_(None))
    # A tandem is known by its volunteer's name or as one of the households the caller found.
    households = query.household_ids if isinstance(query, SearchTandems) else []
    alternatives: list[ColumnElement[bool]] = []
    if query.q.strip():
        alternatives.append(t.c.volunteer_id.in_(volunteers_named(query.q)))
    if households:
        alternatives.append(t.c.household_id.in_(households))
    if alternatives:
        found = found.where(or_(*alternatives))
    elif isinstance(query, SearchTandems):
        found = found.where(false())  # a search for nothing finds nothing
    if not with_restricted:
        found = found.where(
            ~exists().where(h.c.household_id == t.c.household_id, h.c.restricted_on.is_not(None))
        )
    total = await conn.scalar(select(func.count()).select_from(found.subquery()))
    keys: list[ColumnElement[Any]]
    if query.sort == "volunteer":
        found = found.outerjoin(d, d.c.volunteer_id == t.c.volunteer_id)
        keys = [func.lower(d.c.family_name), func.lower(d.c.given_name)]
    else:
        keys = [t.c.provider if query.sort == "provider" else t.c.formed_on]
    order = [k.desc().nulls_last() if query.descending else k.asc().nulls_last() for k in keys]
    rows = await conn.execute(
        found.order_by(*order, t.c.tandem_id).limit(query.per_page).offset(query.offset)
    )
    return Page(
        [TandemKey(r.tandem_id, r.household_id, r.volunteer_id, r.provider) for r in rows],
        total or 0,
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
