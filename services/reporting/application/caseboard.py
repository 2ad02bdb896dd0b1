"""The caseboard as staff see it: one page of the open cases, their stage and days in it,
scoped by role, filtered, sorted and paged in SQL.

A household whose processing is restricted (Art. 18 DSGVO) is left out for every role but
a coordinator, who sees it marked „eingeschränkt“ (and counted in `by_stage`).

The stage a card shows depends on the day (a signed lease becomes a move on its moving
day, `CaseCard.on`); the same rule is an SQL expression here, so filters, counts and the
order see exactly what the page shows without loading every card.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, select

from services.reporting.adapters.caseboard_table import caseboard
from services.reporting.adapters.caseboard_table import restricted_households as restricted
from services.reporting.application import access
from services.reporting.application.projections.caseboard import card_of
from services.reporting.domain.caseboard import STAGE_LABELS, next_step
from shared.clock import today
from shared.contracts.reporting import Caseboard, CaseboardQuery, CaseCardView, Stage
from shared.db import Database
from shared.identity import Caller, Role

RESTRICTED_LABEL = "eingeschränkt"
STAGE_ORDER = {stage.value: position for position, stage in enumerate(Stage)}
CARD_COLUMNS = [c for c in caseboard.c]


async def caseboard_view(db: Database, query: CaseboardQuery, caller: Caller) -> Caseboard:
    """Open cases of the municipality (a caseworker: own provider), longest waiting first."""
    provider = access.caseboard_scope(caller, query.provider)
    day = today()
    moved = and_(
        caseboard.c.stage == Stage.lease_signed.value,
        caseboard.c.moved_on.is_not(None),
        caseboard.c.moved_on <= day,
    )
    stage_now = case((moved, literal(Stage.moved.value)), else_=caseboard.c.stage)
    since_now = case((moved, caseboard.c.moved_on), else_=caseboard.c.stage_since)
    is_restricted = restricted.c.household_id.is_not(None)

    scope: list[ColumnElement[bool]] = [caseboard.c.municipality == caller.municipality]
    if provider is not None:
        scope.append(caseboard.c.provider == provider)
    if caller.role is not Role.coordinator:
        scope.append(restricted.c.household_id.is_(None))
    joined = caseboard.outerjoin(
        restricted,
        and_(
            restricted.c.municipality == caseboard.c.municipality,
            restricted.c.household_id == caseboard.c.household_id,
        ),
    )
    filters = list(scope)
    if query.stage is not None:
        filters.append(stage_now == query.stage.value)
    if query.min_days_in_stage is not None:
        filters.append(since_now <= day - timedelta(days=query.min_days_in_stage))
    if query.responsible == "mine":
        filters.append(caseboard.c.caseworker == caller.user_id)
    elif query.responsible == "nobody":
        filters.append(caseboard.c.caseworker.is_(None))

    order = _order(query, since_now, stage_now)
    page = (
        select(*CARD_COLUMNS, is_restricted.label("is_restricted"))
        .select_from(joined)
        .where(*filters)
        .order_by(*order, caseboard.c.household_id)
        .limit(query.per_page)
        .offset(query.offset)
    )
    total = select(func.count()).select_from(joined).where(*filters)
    counts = select(stage_now, func.count()).select_from(joined).where(*scope).group_by(stage_now)
    async with db.read() as conn:
        rows = (await conn.execute(page)).all()
        found = (await conn.execute(total)).scalar_one()
        by_stage = {Stage(stage): n for stage, n in (await conn.execute(counts)).all()}
    return Caseboard(
        municipality=caller.municipality,
        on=day,
        cases=[_view(row._mapping, day) for row in rows],
        by_stage={stage: by_stage.get(stage, 0) for stage in Stage},
        page=query.info(found),
    )


def _order(
    query: CaseboardQuery, since_now: ColumnElement[Any], stage_now: ColumnElement[Any]
) -> list[ColumnElement[Any]]:
    # More days in the stage is an earlier day the stage began: "days" sorts `since` the
    # other way round.
    ascending = not query.descending
    column: ColumnElement[Any]
    match query.sort:
        case "days":
            return [since_now.asc() if query.descending else since_now.desc()]
        case "stage":
            position = case(STAGE_ORDER, value=stage_now)
            return [position.asc() if ascending else position.desc(), since_now.asc()]
        case "registered":
            column = caseboard.c.registered_on
        case "provider":
            column = caseboard.c.provider
        case "persons":
            column = caseboard.c.adults + caseboard.c.minors
    return [column.asc() if ascending else column.desc(), since_now.asc()]


def _view(row: Any, day: date) -> CaseCardView:
    is_restricted = bool(row["is_restricted"])
    card = card_of({k: v for k, v in row.items() if k != "is_restricted"})
    stage, since = card.on(day)
    return CaseCardView(
        household_id=card.household_id,
        provider=card.provider,
        persons=card.adults + card.minors,
        stage=stage,
        stage_label=STAGE_LABELS[stage],
        stage_since=since,
        days_in_stage=(day - since).days,
        next_step=next_step(stage, card),
        offer_id=card.offer_id,
        registered_on=card.registered_on,
        caseworker=card.caseworker,
        restricted=is_restricted,
        restriction_label=RESTRICTED_LABEL if is_restricted else None,
    )
