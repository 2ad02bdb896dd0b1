"""The caseboard as staff see it: every open case, its stage and days in it, scoped by role.

A household whose processing is restricted (Art. 18 DSGVO) is left out for every role but
a coordinator, who sees it marked „eingeschränkt“ (and counted in `by_stage`).
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from services.reporting.adapters.caseboard_table import caseboard
from services.reporting.adapters.restrictions import restricted_in
from services.reporting.application import access
from services.reporting.application.projections.caseboard import card_of
from services.reporting.domain.caseboard import STAGE_LABELS, next_step
from shared.clock import today
from shared.contracts.reporting import Caseboard, CaseboardQuery, CaseCardView, Stage
from shared.db import Database
from shared.identity import Caller, Role

RESTRICTED_LABEL = "eingeschränkt"


async def caseboard_view(db: Database, query: CaseboardQuery, caller: Caller) -> Caseboard:
    """Open cases of the municipality (a caseworker: own provider), longest waiting first."""
    provider = access.caseboard_scope(caller, query.provider)
    statement = select(caseboard).where(caseboard.c.municipality == caller.municipality)
    if provider is not None:
        statement = statement.where(caseboard.c.provider == provider)
    async with db.read() as conn:
        cards = [card_of(row._mapping) for row in await conn.execute(statement)]
        restricted = await restricted_in(conn, caller.municipality)
    day = today()
    views = []
    for card in cards:
        is_restricted = card.household_id in restricted
        if is_restricted and caller.role is not Role.coordinator:
            continue
        stage, since = card.on(day)
        views.append(
            CaseCardView(
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
                restricted=is_restricted,
                restriction_label=RESTRICTED_LABEL if is_restricted else None,
            )
        )
    by_stage = Counter(v.stage for v in views)
    shown = [
        v
        for v in views
        if (query.stage is None or v.stage is query.stage)
        and (query.min_days_in_stage is None or v.days_in_stage >= query.min_days_in_stage)
    ]
    shown.sort(key=lambda v: (-v.days_in_stage, str(v.household_id)))
    return Caseboard(
        municipality=caller.municipality,
        on=day,
        cases=shown,
        by_stage={stage: by_stage.get(stage, 0) for stage in Stage},
    )
