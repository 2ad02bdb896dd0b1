"""The list of cases (no personal data), written from a case's state after every command,
and the questions staff ask of it: the cases of a municipality or provider, and the
home visits that are overdue."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.prevention.adapters.tables import case_index
from services.prevention.domain.case_state import Case
from shared.contracts.prevention.codes import CaseStatus
from shared.contracts.prevention.requests import ListCases
from shared.contracts.prevention.views import CaseList, CaseSummary, OverdueVisit


def _row(state: Case) -> dict[str, Any]:
    assert state.source and state.target_group and state.housing_situation
    return {
        "provider": state.provider,
        "status": state.status.value,
        "source": state.source.value,
        "target_group": state.target_group.value,
        "housing_situation": state.housing_situation.value,
        "adults": state.adults,
        "minors": state.minors,
        "received_on": state.received_on,
        "admitted_on": state.admitted_on,
        "ends_on": state.ends_on,
        "next_visit_due": state.next_visit_due,
        "last_visit_on": state.last_visit_on,
        "closed_on": state.closed_on,
        "outcome": state.outcome.value if state.outcome else None,
    }


async def index_case(conn: AsyncConnection, municipality: str, state: Case) -> None:
    """Insert or update the case's row to match `state`."""
    if state.case_id is None:
        return
    values = _row(state)
    done = await conn.execute(
        update(case_index).where(case_index.c.case_id == state.case_id).values(**values)
    )
    if done.rowcount == 0:
        await conn.execute(
            insert(case_index).values(case_id=state.case_id, municipality=municipality, **values)
        )


def _scoped(municipality: str, provider: str | None) -> Select[Any]:
    query = select(case_index).where(case_index.c.municipality == municipality)
    if provider is not None:
        query = query.where(case_index.c.provider == provider)
    return query


# The columns a list may be sorted by (ListCases.sort); ties broken by the case id.
_CASE_SORT = {
    "received_on": case_index.c.received_on,
    "provider": case_index.c.provider,
    "status": case_index.c.status,
    "ends_on": case_index.c.ends_on,
    "next_visit_due": case_index.c.next_visit_due,
}


async def list_cases(
    conn: AsyncConnection, municipality: str, provider: str | None, query: ListCases, as_of: date
) -> CaseList:
    """One page of the cases of the municipality (or one provider), filtered and sorted
    in SQL; `as_of` is the day a visit is overdue or a time limit passed against."""
    t = case_index
    filtered = _scoped(municipality, provider)
    if query.provider is not None:
        filtered = filtered.where(t.c.provider == query.provider)
    if query.status is not None:
        filtered = filtered.where(t.c.status == query.status.value)
    if query.overdue:
        filtered = filtered.where(
            t.c.status == CaseStatus.admitted.value,
            t.c.next_visit_due.is_not(None),
            t.c.next_visit_due < as_of,
        )
    if query.time_limit_passed:
        filtered = filtered.where(
            t.c.status == CaseStatus.admitted.value,
            t.c.ends_on.is_not(None),
            t.c.ends_on < as_of,
        )
    total = await conn.scalar(select(func.count()).select_from(filtered.subquery()))
    column = _CASE_SORT[query.sort]
    # Empty days last either way: a case without a time limit is not the most urgent one.
    order = column.desc().nulls_last() if query.descending else column.asc().nulls_last()
    rows = await conn.execute(
        filtered.order_by(order, t.c.case_id).limit(query.per_page).offset(query.offset)
    )
    cases = [CaseSummary.model_validate(row, from_attributes=True) for row in rows]
    return CaseList(cases=cases, page=query.info(total or 0))


async def overdue_visits(
    conn: AsyncConnection, municipality: str, provider: str | None, as_of: date
) -> list[OverdueVisit]:
    """Running cases whose next home visit was due before `as_of`, longest overdue first."""
    t = case_index
    query = _scoped(municipality, provider).where(
        t.c.status == CaseStatus.admitted.value,
        t.c.next_visit_due.is_not(None),
        t.c.next_visit_due < as_of,
    )
    rows = await conn.execute(query.order_by(t.c.next_visit_due, t.c.case_id))
    return [
        OverdueVisit(
            case_id=row.case_id,
            provider=row.provider,
            next_visit_due=row.next_visit_due,
            days_overdue=(as_of - row.next_visit_due).days,
            last_visit_on=row.last_visit_on,
            ends_on=row.ends_on,
        )
        for row in rows
    ]
