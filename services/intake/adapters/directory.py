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

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    and_,
    false,
    func,
    insert,
    intersect,
    select,
    union,
    update,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from services.intake.adapters.personal_data import search_key
from services.intake.adapters.tables import (
    household_details,
    household_directory,
    household_members,
    household_name_keys,
)
from services.intake.domain.household import Household

d = household_directory
m = household_members
k = household_name_keys


async def sync_directory(conn: AsyncConnection, municipality: str, state: Household) -> None:
    """The household's directory row as its state and its members' names now say
    (inserted on registration); call it after the command's personal rows are written."""
    if state.household_id is None or state.provider is None or state.registered_on is None:
        return
    head = (
        await conn.execute(
            select(m.c.family_name, m.c.given_name)
            .where(m.c.household_id == state.household_id, m.c.left_on.is_(None))
            .order_by((m.c.role != "head"), m.c.position)
            .limit(1)
        )
    ).first()
    values: dict[str, Any] = {
        "sort_name": (search_key(head.family_name or head.given_name) if head else None) or "",
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

    def candidates(self) -> Select[UUID] | CompoundSelect[UUID] | None:
        """The ids of the households that match, whoever may see them (None: every
        household). The search starts from these, through the name, phone, birth date and
        id indexes, and joins the directory's rows by their key: no scan of the directory.
        """
        if self.everything:
            return None
        alternatives: list[Select[UUID]] = []
        if len(self.words) > 1:
            # Several words are never an id or a phone (parse_search): the one alternative.
            return intersect(*(_named(word) for word in self.words))
        if self.words:
            alternatives.append(_named(self.words[0]))
        if self.id_prefix:
            alternatives.append(select(d.c.household_id).where(_begins(d.c.id_hex, self.id_prefix)))
        if self.phone:
            phone = household_details.c.phone_key
            alternatives.append(
                select(household_details.c.household_id).where(_begins(phone, self.phone))
            )
        if self.birth_date:
            alternatives.append(
                select(m.c.household_id).where(
                    m.c.birth_date == self.birth_date, m.c.left_on.is_(None)
                )
            )
        if self.nothing or not alternatives:
            return select(d.c.household_id).where(false())
        if len(alternatives) == 1:
            return alternatives[0].distinct()
        return union(*alternatives)  # no duplicates: a household is one row


def _begins(column: ColumnElement[str], prefix: str) -> ColumnElement[bool]:
    """`column` starts with `prefix`, as an index range: `>= "ozt" AND < "ozu"`.

    Byte order (SQLite, and the "C" collation of SearchKey on PostgreSQL) puts exactly
    the strings that start with the prefix in between. The phone key is digits only and
    compared in the database's own collation, where digits sort in their order too; "9"
    is carried ("0229" → "023"), never turned into the character after it.
    """
    upper = prefix
    if prefix.isdigit():
        upper = upper.rstrip("9")
    if not upper:
        return column >= prefix
    return and_(column >= prefix, column < upper[:-1] + chr(ord(upper[-1]) + 1))


def _named(word: str) -> Select[UUID]:
    """Households with a current member whose name (a part of it) begins with `word`
    (only current members have keys)."""
    return select(k.c.household_id).where(_begins(k.c.key, word))


@dataclass(frozen=True)
class DirectoryRow:
    household_id: UUID
    provider: str
    persons: int
    registered_on: date
    restricted: bool
    deregistered: bool


SORTS = {"registered": d.c.registered_on, "persons": d.c.persons}
# A directory row's columns, in DirectoryRow's order.
ROW = (
    d.c.household_id,
    d.c.provider,
    d.c.persons,
    d.c.registered_on,
    d.c.restricted,
    d.c.deregistered,
)


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
    where = scope.where()
    if provider is not None:
        where = and_(where, d.c.provider == provider)
    source: Any = d
    candidates = match.candidates()
    if candidates is not None:
        found = candidates.subquery("found")
        source = found.join(d, d.c.household_id == found.c.household_id)
    order: list[Any]
    if sort == "name":
        # The scope's index gives this order (households without a name first).
        name = d.c.sort_name
        order = [name.desc() if descending else name]
    else:
        column = SORTS[sort]
        order = [column.desc() if descending else column]
    order.append(d.c.household_id.desc() if descending else d.c.household_id)
    page = select(*ROW).select_from(source).where(where).order_by(*order)
    counted = select(func.count()).select_from(source).where(where)
    if candidates is None:
        # The whole directory: the page walks an index in order, the count reads only
        # the index; a window count would read and sort every row for every page.
        rows = (await conn.execute(page.offset(offset).limit(limit))).all()
        total = (await conn.execute(counted)).scalar_one()
        return [DirectoryRow(*r) for r in rows], total
    # A search: the count rides along with the page (a window over the few matches).
    rows = (
        await conn.execute(
            page.add_columns(func.count().over().label("total")).offset(offset).limit(limit)
        )
    ).all()
    if rows:
        total = rows[0].total
    elif offset:  # past the last page: the count alone
        total = (await conn.execute(counted)).scalar_one()
    else:
        total = 0
    return [DirectoryRow(*r[: len(ROW)]) for r in rows], total


async def visible_rows(
    conn: AsyncConnection, scope: Scope, ids: Sequence[UUID]
) -> list[DirectoryRow]:
    """The directory rows of those `ids` the caller may see."""
    if not ids:
        return []
    rows = await conn.execute(select(*ROW).where(scope.where(), d.c.household_id.in_(list(ids))))
    return [DirectoryRow(*r) for r in rows]


@dataclass(frozen=True)
class Name:
    role: str
    given_name: str | None
    family_name: str | None
    birth_date: date | None = None


async def current_names(conn: AsyncConnection, ids: Sequence[UUID]) -> dict[UUID, list[Name]]:
    """The current members' names per household, in the order they were recorded."""
    names: dict[UUID, list[Name]] = {household_id: [] for household_id in ids}
    if not ids:
        return names
    rows = await conn.execute(
        select(m.c.household_id, m.c.role, m.c.given_name, m.c.family_name, m.c.birth_date)
        .where(m.c.household_id.in_(list(ids)), m.c.left_on.is_(None))
        .order_by(m.c.household_id, m.c.position)
    )
    for row in rows:
        name = Name(row.role, row.given_name, row.family_name, row.birth_date)
        names[row.household_id].append(name)
    return names


async def accommodation_sites(conn: AsyncConnection, ids: Sequence[UUID]) -> dict[UUID, str | None]:
    """Where each household lives now (the site staff recorded; never a private address)."""
    if not ids:
        return {}
    h = household_details
    rows = await conn.execute(
        select(h.c.household_id, h.c.accommodation_site).where(h.c.household_id.in_(list(ids)))
    )
    return {row.household_id: row.accommodation_site for row in rows}
