"""The list of volunteers: one row per volunteer with the codes and days a list filters
and sorts by (provider, Stadtteil, languages, registered, ready, left, erased), written
from the volunteer's state in the transaction of each of its events. Names stay in
`volunteer_details`; the list joins them to sort by name, and an erased volunteer (no
name any more) sorts last."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, and_, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters.name_search import volunteers_named
from services.volunteer.adapters.tables import volunteer_details, volunteer_list
from services.volunteer.domain import volunteer as vo
from shared.contracts.volunteer import ListVolunteers


def languages_column(languages: tuple[str, ...] | list[str]) -> str:
    """`("de", "ar")` → `" de ar "`: every code between spaces, so `LIKE '% ar %'` finds it."""
    return f" {' '.join(languages)} " if languages else " "


async def index(conn: AsyncConnection, municipality: str, state: vo.Volunteer) -> None:
    """Insert or update the volunteer's row to match `state`."""
    if state.volunteer_id is None or state.provider is None or state.registered_on is None:
        return
    t = volunteer_list
    values: dict[str, Any] = {
        "provider": state.provider,
        "district": state.district,
        "languages": languages_column(state.languages),
        "registered_on": state.registered_on,
        "ready_for_tandem": state.ready_for_tandem,
        "left_on": state.left_on,
        "erased_on": state.erased_on,
    }
    done = await conn.execute(
        update(t).where(t.c.volunteer_id == state.volunteer_id).values(values)
    )
    if done.rowcount == 0:
        await conn.execute(
            insert(t).values(volunteer_id=state.volunteer_id, municipality=municipality, **values)
        )


@dataclass(frozen=True)
class Page:
    volunteer_ids: list[UUID]
    total: int


def _status(query: ListVolunteers) -> ColumnElement[bool] | None:
    t = volunteer_list
    # An erased volunteer who did not leave stays on the list, as „gelöscht“ (Art. 17: the
    # name goes, the volunteer and the figures stay); ready they are not any more.
    active = t.c.left_on.is_(None)
    match query.status:
        case "active":
            return active
        case "ready":
            return and_(active, t.c.ready_for_tandem.is_(True))
        case "onboarding":
            return and_(active, t.c.ready_for_tandem.is_(False))
        case "left":
            return ~active
        case _:
            return None


async def listing(
    conn: AsyncConnection, municipality: str, provider: str | None, query: ListVolunteers
) -> Page:
    """One page of volunteer ids in the caller's scope (`provider` None: every provider),
    filtered and ordered in SQL (then by id), and how many there are on all pages."""
    t, d = volunteer_list, volunteer_details
    filtered = select(t.c.volunteer_id).where(t.c.municipality == municipality)
    for wanted, column in ((provider, t.c.provider), (query.provider, t.c.provider)):
        if wanted is not None:
            filtered = filtered.where(column == wanted)
    if query.district is not None:
        filtered = filtered.where(t.c.district == query.district)
    if query.language is not None:
        filtered = filtered.where(t.c.languages.like(f"% {query.language} %"))
    if (status := _status(query)) is not None:
        filtered = filtered.where(status)
    if query.q.strip():
        filtered = filtered.where(t.c.volunteer_id.in_(volunteers_named(query.q)))
    total = await conn.scalar(select(func.count()).select_from(filtered.subquery()))
    joined = filtered.outerjoin(d, d.c.volunteer_id == t.c.volunteer_id)
    keys: list[ColumnElement[Any]]
    if query.sort == "name":
        keys = [func.lower(d.c.family_name), func.lower(d.c.given_name)]
    else:
        by = {"provider": t.c.provider, "district": t.c.district}
        keys = [by.get(query.sort, t.c.registered_on)]
    order = [k.desc().nulls_last() if query.descending else k.asc().nulls_last() for k in keys]
    rows = await conn.execute(
        joined.order_by(*order, t.c.volunteer_id).limit(query.per_page).offset(query.offset)
    )
    return Page([row.volunteer_id for row in rows], total or 0)
