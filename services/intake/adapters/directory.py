"""The household directory in SQL: its row per household, the search, the titles.

`household_directory` holds what a list shows and filters by (provider, persons, day of
registration, restricted, deregistered); it is written from the household's state in the
transaction of every command on the household (`sync_directory`), so it is never behind.
Names come from `household_members` (their `*_search` keys) and are never copied here.
Filtering, sorting and paging happen in SQL: no list is built in Python over all rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, and_, false, func, insert, or_, select, true, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.intake.adapters.tables import (
    household_details,
    household_directory,
    household_members,
)
from services.intake.domain.household import Household

d = household_directory
m = household_members


async def sync_directory(conn: AsyncConnection, municipality: str, state: Household) -> None:
    """The household's directory row as its state now says (inserted on registration)."""
    if state.household_id is None or state.provider is None or state.registered_on is None:
        return
    values: dict[str, Any] = {
        "provider": state.provider,
        "registered_on": state.registered_on,
        "persons": state.persons,
        "restricted": state.restricted,
        "deregistered": state.deregistered,
    }
    changed = await conn.execute(
        update(d).where(d.c.household_id == state.household_id).values(**values)
    )
    if not changed.rowcount:
        await conn.execute(
            insert(d).values(
                household_id=state.household_id,
                municipality=municipality,
                id_hex=state.household_id.hex,
                **values,
            )
        )


@dataclass(frozen=True)
class Scope:
    """Which directory rows a caller may see (services/intake/application/access.py)."""

    municipality: str
    provider: str | None  # a caseworker: their own provider only
    restricted: bool  # the coordinator: restricted households too

    def where(self) -> ColumnElement[bool]:
        conditions = [d.c.municipality == self.municipality]
        if self.provider is not None:
            conditions.append(d.c.provider == self.provider)
        if not self.restricted:
            conditions.append(d.c.restricted == false())
        return and_(*conditions)


@dataclass(frozen=True)
class Match:
    """What a search text may mean; a household matches if any alternative does.

    `words`: each must begin a given or family name (or a part of one) of a current
    member; `id_prefix`: the beginning of the id's hex; `phone`: the beginning of the
    phone key; `birth_date`: a current member's. Nothing set: every household.
    """

    words: tuple[str, ...] = ()
    id_prefix: str | None = None
    phone: str | None = None
    birth_date: date | None = None
    nothing: bool = False

    @property
    def everything(self) -> bool:
        return not (self.nothing or self.words or self.id_prefix or self.phone or self.birth_date)

    def where(self) -> ColumnElement[bool]:
        if self.nothing:
            return false()
        if self.everything:
            return true()
        alternatives: list[ColumnElement[bool]] = []
        if self.words:
            alternatives.append(and_(*(_member_with(_name_begins(w)) for w in self.words)))
        if self.id_prefix:
            alternatives.append(d.c.id_hex.like(f"{self.id_prefix}%"))
        if self.phone:
            alternatives.append(
                d.c.household_id.in_(
                    select(household_details.c.household_id).where(
                        household_details.c.phone_key.like(f"{self.phone}%")
                    )
                )
            )
        if self.birth_date:
            alternatives.append(_member_with(m.c.birth_date == self.birth_date))
        return or_(*alternatives)


def _name_begins(word: str) -> ColumnElement[bool]:
    # Keys and words hold letters, digits and single spaces only (search_key): no LIKE
    # wildcards can come from the text typed.
    return or_(
        *(
            condition
            for column in (m.c.given_name_search, m.c.family_name_search)
            for condition in (column.like(f"{word}%"), column.like(f"% {word}%"))
        )
    )


def _member_with(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    return d.c.household_id.in_(select(m.c.household_id).where(m.c.left_on.is_(None), condition))


def _head_name() -> Any:
    """The head's family name key (else given name key): what "sort by name" sorts by."""
    return (
        select(func.min(func.coalesce(m.c.family_name_search, m.c.given_name_search)))
        .where(m.c.household_id == d.c.household_id, m.c.left_on.is_(None), m.c.role == "head")
        .scalar_subquery()
    )


@dataclass(frozen=True)
class DirectoryRow:
    household_id: UUID
    provider: str
    persons: int
    registered_on: date
    restricted: bool
    deregistered: bool


SORTS = {"registered": d.c.registered_on, "persons": d.c.persons}


async def search(
    conn: AsyncConnection,
    scope: Scope,
    match: Match,
    provider: str | None,
    sort: str,
    descending: bool,
    offset: int,
    limit: int,
) -> tuple[list[DirectoryRow], int]:
    """One page of the caller's matching households and how many match in all.

    Out of scope and not found are the same here: the scope is part of the one query,
    nothing is looked up outside it.
    """
    where = and_(scope.where(), match.where())
    if provider is not None:
        where = and_(where, d.c.provider == provider)
    total = (await conn.execute(select(func.count()).select_from(d).where(where))).scalar_one()
    order: list[Any]
    if sort == "name":
        name = _head_name()
        # Households without a name left (erased) come last either way, on both backends.
        order = [name.is_(None), name.desc() if descending else name]
    else:
        column = SORTS[sort]
        order = [column.desc() if descending else column]
    order.append(d.c.household_id.desc() if descending else d.c.household_id)
    rows = await conn.execute(
        select(
            d.c.household_id,
            d.c.provider,
            d.c.persons,
            d.c.registered_on,
            d.c.restricted,
            d.c.deregistered,
        )
        .where(where)
        .order_by(*order)
        .offset(offset)
        .limit(limit)
    )
    return [DirectoryRow(**r._mapping) for r in rows], total


async def visible_rows(
    conn: AsyncConnection, scope: Scope, ids: Sequence[UUID]
) -> list[DirectoryRow]:
    """The directory rows of those `ids` the caller may see."""
    if not ids:
        return []
    rows = await conn.execute(
        select(
            d.c.household_id,
            d.c.provider,
            d.c.persons,
            d.c.registered_on,
            d.c.restricted,
            d.c.deregistered,
        ).where(scope.where(), d.c.household_id.in_(list(ids)))
    )
    return [DirectoryRow(**r._mapping) for r in rows]


@dataclass(frozen=True)
class Name:
    role: str
    given_name: str | None
    family_name: str | None


async def current_names(conn: AsyncConnection, ids: Sequence[UUID]) -> dict[UUID, list[Name]]:
    """The current members' names per household, in the order they were recorded."""
    names: dict[UUID, list[Name]] = {household_id: [] for household_id in ids}
    if not ids:
        return names
    rows = await conn.execute(
        select(m.c.household_id, m.c.role, m.c.given_name, m.c.family_name)
        .where(m.c.household_id.in_(list(ids)), m.c.left_on.is_(None))
        .order_by(m.c.household_id, m.c.position)
    )
    for row in rows:
        names[row.household_id].append(Name(row.role, row.given_name, row.family_name))
    return names
