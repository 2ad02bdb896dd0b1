"""The due list as staff see it: one page of the follow-ups of the caller's scope that are
due on a day, filtered, sorted and paged in SQL; and the municipality's days per rule.

Scope is the caseboard's: a caseworker sees their own provider's, a coordinator and the
admin every provider's; the housing office sees those of prevention cases. A restricted
household's (Art. 18 DSGVO) only the coordinator sees. "Mine" is assigned to the caller,
or unassigned on a household whose responsible caseworker (the caseboard's) is the caller.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    Subquery,
    Table,
    and_,
    bindparam,
    func,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.base import ReadOnlyColumnCollection

from services.reporting.adapters.caseboard_table import caseboard
from services.reporting.adapters.caseboard_table import restricted_households as restricted
from services.reporting.adapters.follow_up_tables import follow_up_rules, follow_ups
from services.reporting.application import access
from services.reporting.application.projections.follow_ups import rule_days
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
    """The follow-ups of the caller's scope due on `as_of` (or also later: `upcoming`).

    One table, no join: every list walks one of the indexes of migration reporting_0011
    in the order it is sorted by and stops after the page (bench/due_list.py). "Mine" is
    two disjoint parts, each read from its own index: assigned to me (by `assignee`), and
    unassigned on my households (the caseboard's by caseworker, their rows by household);
    an OR over both made the list read every due row of the municipality."""
    provider = access.follow_ups_scope(caller, query.provider)
    as_of = query.as_of or today()
    source = _source(query, caller)
    c = source.c
    filters = scope_filters(c, caller, provider)
    if not query.upcoming:
        filters.append(c.due_on <= as_of)
    if query.not_mine:
        filters.append(_not_mine(c, caller))
    if query.unassigned:
        filters.append(c.assignee.is_(None))
    if query.rule_made:
        # The rules by name rather than `!= "written"`: an IN seeks in the kind index.
        filters.append(c.kind.in_([rule.value for rule in Rule]))
    if query.kind is not None:
        filters.append(c.kind == str(query.kind))
    if query.subject_kind is not None:
        filters.append(c.subject_kind == query.subject_kind.value)
    columns = [c[column.name] for column in ITEM_COLUMNS]
    if query.mine:
        # Only the caller's rows: few enough to sort after the union; the count unions
        # the ids alone, so that it reads the indexes and not the rows.
        parts = _mine(source, caller, filters, columns).subquery("mine")
        page = select(*parts.c).order_by(*_order(query, parts.c))
        ids = _mine(source, caller, filters, [c.follow_up_id]).subquery("mine")
        total = select(func.count()).select_from(ids)
    else:
        page = select(*columns).select_from(source).where(*filters)
        page = page.order_by(*_order(query, c))
        total = select(func.count()).select_from(source).where(*filters)
    async with db.read() as conn:
        rows = (await conn.execute(page.limit(query.per_page).offset(query.offset))).all()
        # The count reads the same index as the page, without the rows: a page of the
        # 20,000 due steps of a municipality counts index entries only.
        found = (await conn.execute(total)).scalar_one()
    return FollowUpList(
        as_of=as_of,
        items=[_item(row._mapping, as_of) for row in rows],
        page=query.info(found),
    )


Source = Table | Subquery


def _source(query: FollowUpQuery, caller: Caller) -> Source:
    """The table, or a subject's few rows read first by `ix_follow_ups_subject`. The OFFSET
    keeps either planner from merging that read into the outer query: SQLite, which has no
    statistics, would walk a list index in page order instead (0.1 ms → 100–700 ms at
    20,000 households)."""
    if query.subject_id is None:
        return follow_ups
    return (
        select(follow_ups)
        .where(
            follow_ups.c.municipality == caller.municipality,
            follow_ups.c.subject_id == query.subject_id,
        )
        .offset(0)
        .subquery("of_subject")
    )


def scope_filters(
    c: ReadOnlyColumnCollection[str, Any], caller: Caller, provider: str | None
) -> list[ColumnElement[bool]]:
    """Which follow-ups the caller may see at all; a restricted household's (Art. 18 DSGVO)
    only the coordinator."""
    scope: list[ColumnElement[bool]] = [c.municipality == caller.municipality]
    if provider is not None:
        scope.append(c.provider == provider)
    if caller.role is Role.housing_office:
        scope.append(c.subject_kind == SubjectKind.prevention_case.value)
    if caller.role is not Role.coordinator:
        # Uncorrelated: the few restricted ids are read once, not looked up per due row.
        hidden = select(restricted.c.household_id).where(
            restricted.c.municipality == caller.municipality
        )
        scope.append(or_(c.household_id.is_(None), c.household_id.not_in(hidden)))
    return scope


def _mine(
    source: Source,
    caller: Caller,
    filters: list[ColumnElement[bool]],
    columns: Sequence[ColumnElement[Any]],
) -> CompoundSelect[Any]:
    """Assigned to me, or unassigned on my household: disjoint, so UNION ALL."""
    c = source.c
    return union_all(
        select(*columns).select_from(source).where(*filters, c.assignee == caller.user_id),
        select(*columns)
        .select_from(source)
        .where(*filters, c.household_id.in_(_my_households(caller)), c.assignee.is_(None)),
    )


def _my_households(caller: Caller) -> Select[tuple[UUID]]:
    """The households whose responsible caseworker (the caseboard's) is the caller."""
    return select(caseboard.c.household_id).where(
        caseboard.c.municipality == caller.municipality,
        caseboard.c.caseworker == caller.user_id,
    )


def _not_mine(c: ReadOnlyColumnCollection[str, Any], caller: Caller) -> ColumnElement[bool]:
    """Neither assigned to me nor unassigned on my household; NULL-safe, so a row without
    household, card or assignee stays in."""
    return and_(
        or_(c.assignee.is_(None), c.assignee != caller.user_id),
        or_(
            c.assignee.is_not(None),
            c.household_id.is_(None),
            c.household_id.not_in(_my_households(caller)),
        ),
    )


def _order(query: FollowUpQuery, c: ReadOnlyColumnCollection[str, Any]) -> list[Any]:
    column = {"due_on": c.due_on, "kind": c.kind, "provider": c.provider}[query.sort]
    first = column.desc() if query.descending else column.asc()
    if query.sort == "due_on":
        return [first, c.due_time.asc(), c.follow_up_id]
    return [first, c.due_on.asc(), c.follow_up_id]


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
