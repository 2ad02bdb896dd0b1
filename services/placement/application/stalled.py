"""Stalled cases: proposals the landlord has not answered and guarantees nobody decided,
for longer than the municipality's thresholds (its own, or the defaults).

A restricted household's (Art. 18 DSGVO) stalled steps are listed to a coordinator only.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import Row

from services.placement.adapters.households import restricted_households
from services.placement.adapters.offers import unanswered_proposals, undecided_guarantees
from services.placement.adapters.rules import load_rules
from services.placement.application import access
from shared.clock import today
from shared.contracts import placement as c
from shared.db import Database
from shared.identity import Caller


async def stalled_cases(db: Database, query: c.StalledQuery, caller: Caller) -> c.StalledCases:
    scope = access.provider_scope(caller)
    as_of = query.as_of or today()
    proposals: list[Row[Any]] = []
    guarantees: list[Row[Any]] = []
    async with db.read() as conn:
        rules = await load_rules(conn, caller.municipality)
        if not scope.nothing:
            proposals = await unanswered_proposals(
                conn,
                caller.municipality,
                scope.provider,
                proposed_by=as_of - timedelta(days=rules.proposal_stall_days),
            )
            guarantees = await undecided_guarantees(
                conn,
                caller.municipality,
                scope.provider,
                requested_by=as_of - timedelta(days=rules.guarantee_stall_days),
            )
        if not access.sees_restricted(caller):
            hidden = await restricted_households(conn, caller.municipality)
            proposals = [row for row in proposals if row.household_id not in hidden]
            guarantees = [row for row in guarantees if row.household_id not in hidden]
    return c.StalledCases(
        as_of=as_of,
        proposal_stall_days=rules.proposal_stall_days,
        guarantee_stall_days=rules.guarantee_stall_days,
        proposals=[
            c.StalledProposal(
                offer_id=row.offer_id,
                household_id=row.household_id,
                provider=row.provider,
                proposed_on=row.proposed_on,
                days_waiting=(as_of - row.proposed_on).days,
            )
            for row in proposals
        ],
        guarantees=[
            c.StalledGuarantee(
                offer_id=row.offer_id,
                guarantee_id=row.guarantee_id,
                household_id=row.household_id,
                provider=row.provider,
                kind=row.kind,
                requested_from=row.requested_from,
                requested_on=row.requested_on,
                days_waiting=(as_of - row.requested_on).days,
            )
            for row in guarantees
        ],
    )
