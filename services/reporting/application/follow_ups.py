"""The due list as staff see it: one page of the follow-ups of the caller's scope that are
due on a day, filtered, sorted and paged in SQL; and the municipality's days per rule.

Scope is the caseboard's: a caseworker sees their own provider's, a coordinator and the
admin every provider's; the housing office sees those of prevention cases. A restricted
household's (Art. 18 DSGVO) only the coordinator sees. "Mine" is assigned to the caller,
or unassigned on a household whose responsible caseworker (the caseboard's) is the caller.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.reporting.adapters.caseboard_table import caseboard
from services.reporting.adapters.caseboard_table import restricted_households as restricted
from services.reporting.adapters.follow_up_tables import follow_up_rules, follow_ups
from services.reporting.application import access
from services.reporting.application.projections.follow_ups import WRITTEN, rule_days
from services.reporting.domain.follow_ups import due_on
from shared.clock import today
from shared.contracts.followups import (
    FollowUpItem,
    FollowUpList,
    FollowUpQuery,
    FollowUpRules,
    Rule,
    SubjectKind,
)
from shared.db import Database
from shared.decider import Forbidden
from shared.identity import Caller, Role

ITEM_COLUMNS = [
    follow_ups.c.follow_up_id,
    follow_ups.c.kind,
    follow_ups.c.subject_kind,
    follow_ups.c.subject_id,
    follow_ups.c.household_id,
    follow_ups.c.provider,
    follow_ups.c.anchor_on,
    follow_ups.c.due_on,
    follow_ups.c.due_time,
    follow_ups.c.assignee,
]


async def follow_up_list(db: Database, query: FollowUpQuery, caller: Caller) -> FollowUpList:
    """The follow-ups of the caller's scope due on `as_of` (or also later: `upcoming`)."""
    provider = access.follow_ups_scope(caller, query.provider)
    as_of = query.as_of or today()
    joined = follow_ups.outerjoin(
        caseboard,
        and_(
            caseboard.c.municipality == follow_ups.c.municipality,
            caseboard.c.household_id == follow_ups.c.household_id,
        ),
    ).outerjoin(
        restricted,
        and_(
            restricted.c.municipality == follow_ups.c.municipality,
            restricted.c.household_id == follow_ups.c.household_id,
        ),
    )
    filters = scope_filters(caller, provider)
    if not query.upcoming:
        filters.append(follow_ups.c.due_on <= as_of)
    if query.mine or query.not_mine:
        # NULL-safe (no card, no caseworker, no assignee): "not mine" must keep those rows.
        mine = or_(
            func.coalesce(follow_ups.c.assignee, "") == caller.user_id,
            and_(
                follow_ups.c.assignee.is_(None),
                func.coalesce(caseboard.c.caseworker, "") == caller.user_id,
            ),
        )
        if query.mine:
            filters.append(mine)
        if query.not_mine:
            filters.append(~mine)
    if query.unassigned:
        filters.append(follow_ups.c.assignee.is_(None))
    if query.rule_made:
        filters.append(follow_ups.c.kind != WRITTEN)
    if query.kind is not None:
        filters.append(follow_ups.c.kind == str(query.kind))
    if query.subject_kind is not None:
        filters.append(follow_ups.c.subject_kind == query.subject_kind.value)
    if query.subject_id is not None:
        filters.append(follow_ups.c.subject_id == query.subject_id)
    page = (
        select(*ITEM_COLUMNS)
        .select_from(joined)
        .where(*filters)
        .order_by(*_order(query), follow_ups.c.follow_up_id)
        .limit(query.per_page)
        .offset(query.offset)
    )
    total = select(func.count()).select_from(joined).where(*filters)
    async with db.read() as conn:
        rows = (await conn.execute(page)).all()
        found = (await conn.execute(total)).scalar_one()
    return FollowUpList(
        as_of=as_of,
        items=[_item(row._mapping, as_of) for row in rows],
        page=query.info(found),
    )


def scope_filters(caller: Caller, provider: str | None) -> list[ColumnElement[bool]]:
    """Which follow-ups the caller may see at all (the joined `restricted` decides Art. 18)."""
    scope: list[ColumnElement[bool]] = [follow_ups.c.municipality == caller.municipality]
    if provider is not None:
        scope.append(follow_ups.c.provider == provider)
    if caller.role is Role.housing_office:
        scope.append(follow_ups.c.subject_kind == SubjectKind.prevention_case.value)
    if caller.role is not Role.coordinator:
        scope.append(restricted.c.household_id.is_(None))
    return scope


def _order(query: FollowUpQuery) -> list[ColumnElement[Any]]:
    column = {
        "due_on": follow_ups.c.due_on,
        "kind": follow_ups.c.kind,
        "provider": follow_ups.c.provider,
    }[query.sort]
    first = column.desc() if query.descending else column.asc()
    if query.sort == "due_on":
        return [first, follow_ups.c.due_time.asc()]
    return [first, follow_ups.c.due_on.asc()]


def _item(row: Any, as_of: date) -> FollowUpItem:
    return FollowUpItem(
        follow_up_id=row["follow_up_id"],
        kind=row["kind"],
        subject_kind=SubjectKind(row["subject_kind"]),
        subject_id=row["subject_id"],
        household_id=row["household_id"],
        provider=row["provider"],
        anchor_on=row["anchor_on"],
        due_on=row["due_on"],
        due_time=row["due_time"],
        assignee=row["assignee"],
        days_overdue=(as_of - row["due_on"]).days,
    )


# -- the days per rule ------------------------------------------------------------------

READS_RULES = {Role.coordinator, Role.caseworker, Role.housing_office, Role.admin}


async def get_rules(db: Database, caller: Caller) -> FollowUpRules:
    if caller.role not in READS_RULES:
        raise Forbidden("role", "Ihre Rolle sieht die Fristen der Wiedervorlagen nicht.")
    async with db.read() as conn:
        return FollowUpRules(days=await rule_days(conn, caller.municipality))


async def replace_rules(db: Database, rules: FollowUpRules, caller: Caller) -> FollowUpRules:
    """Sets the municipality's days per rule (a rule left out keeps its default) and moves
    the due day of every open follow-up of a changed rule, in one transaction: the list
    never shows a day the rules no longer give."""
    if caller.role is not Role.coordinator:
        raise Forbidden("role", "Nur die Koordination ändert die Fristen der Wiedervorlagen.")
    municipality = caller.municipality
    async with db.transaction() as conn:
        before = await rule_days(conn, municipality)
        await conn.execute(
            follow_up_rules.delete().where(follow_up_rules.c.municipality == municipality)
        )
        if rules.days:
            await conn.execute(
                follow_up_rules.insert(),
                [
                    {"municipality": municipality, "rule": rule.value, "days": days}
                    for rule, days in rules.days.items()
                ],
            )
        after = await rule_days(conn, municipality)
        for rule in Rule:
            if after[rule] != before[rule]:
                await _recompute(conn, municipality, rule, after[rule])
        return FollowUpRules(days=after)


async def _recompute(conn: AsyncConnection, municipality: str, rule: Rule, days: int) -> None:
    of_rule = and_(follow_ups.c.municipality == municipality, follow_ups.c.kind == rule.value)
    rows = (
        await conn.execute(select(follow_ups.c.follow_up_id, follow_ups.c.anchor_on).where(of_rule))
    ).all()
    if not rows:
        return
    statement = (
        update(follow_ups)
        .where(of_rule, follow_ups.c.follow_up_id == bindparam("row_id"))
        .values(due_on=bindparam("new_due_on"))
    )
    await conn.execute(
        statement,
        [{"row_id": id_, "new_due_on": due_on(rule, anchor, days)} for id_, anchor in rows],
    )
