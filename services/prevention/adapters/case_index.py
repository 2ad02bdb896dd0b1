"""The list of cases (no personal data), written from a case's state after every command,
and the questions staff ask of it: the cases of a municipality or provider, and the
home visits that are overdue."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.prevention.adapters.tables import case_index
from services.prevention.domain.case_state import Case
from shared.contracts.prevention.codes import CaseStatus
from shared.contracts.prevention.views import CaseSummary, OverdueVisit


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


async def list_cases(
    conn: AsyncConnection, municipality: str, provider: str | None, status: CaseStatus | None
) -> list[CaseSummary]:
    """Cases of the municipality (or one provider), most recently referred first."""
    query = _scoped(municipality, provider)
    if status is not None:
        query = query.where(case_index.c.status == status.value)
    rows = await conn.execute(query.order_by(case_index.c.received_on.desc(), case_index.c.case_id))
    return [CaseSummary.model_validate(row, from_attributes=True) for row in rows]


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
