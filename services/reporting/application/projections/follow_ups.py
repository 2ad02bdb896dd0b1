"""Keeps the due list (`follow_ups`): the rule-made follow-ups of `SOURCES`' signals, the
written ones of every context's follow-up events, and a household's `stage_stalled` from
its caseboard card. Runs in the `reporting-facts` consumer's transaction, after the
caseboard, so a batch's rows and the consumer's position commit together.

Every change is by id (a rule-made one's id is derived from rule, subject and key): an
event applied twice leaves the same rows, and a replay equals the live table.

Written follow-ups match on the base classes of shared/contracts/followups.py, so every
context's subclasses (intake's, prevention's …) are handled without naming them here.

`stage_stalled` follows the card rather than being computed from the caseboard when read:
the due list stays one table that is filtered, counted and paged in SQL, and the card's
`stage_since` is its anchor (re-opened, with the new anchor, whenever the stage changes).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import Column, ColumnElement, and_, bindparam, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.reporting.adapters.follow_up_tables import follow_up_rules, follow_ups
from services.reporting.domain.caseboard import CaseCard
from services.reporting.domain.follow_ups import Closed, Opened, due_on, follow_up_id
from services.reporting.domain.follow_ups.sources import SOURCES
from shared.clock import business_day
from shared.contracts.followups import (
    DEFAULT_DAYS,
    FollowUpCompleted,
    FollowUpPostponed,
    FollowUpReassigned,
    FollowUpScheduled,
    Rule,
    SubjectKind,
)
from shared.contracts.intake import HouseholdDeregistered, HouseholdHandedOver
from shared.contracts.reporting import Stage
from shared.eventstore.store import RecordedEvent

WRITTEN = "written"
# Stages a household can stall in; after the lease is signed nothing waits on staff.
STALLS = {Stage.registered, Stage.ready, Stage.proposed, Stage.viewing, Stage.guarantee_pending}


class FollowUpsProjection:
    async def apply(
        self,
        conn: AsyncConnection,
        batch: Sequence[RecordedEvent],
        changed_cards: Mapping[tuple[str, UUID], CaseCard | None],
    ) -> None:
        days = RuleDays(conn)
        pending = Pending()
        for recorded in batch:
            await _apply_one(recorded, days, pending)
        await pending.flush(conn)
        await _stages(conn, changed_cards, days)


Key = tuple[str, UUID]  # (municipality, follow_up_id)
Household = tuple[str, UUID]  # (municipality, household_id)
CHUNK = 500  # ids per IN list: well below either backend's limit of bound parameters


class Pending:
    """A batch's changes folded in memory, written in a few statements at its end: a
    rebuild applies thousands of them, and one statement each was most of its time (a
    written follow-up's event used to flush the batch and write on its own: the due list
    cost 8 times the caseboard, bench/due_list.py).

    Applied in stream order to the rows the batch opened (`opened`); what they cannot
    reach — rows the table held before the batch — is recorded and written at the flush,
    deletes first, then updates, then the inserts. That equals applying each event on its
    own: a delete or update of the table only meets rows older than the batch (each newer
    one is still in `opened`, and changed there), deletes and updates touch disjoint
    columns of what they select by (id, kind, subject, household are never updated), and
    a row the batch (re)opens is deleted by id before its insert."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.opened: dict[Key, dict[str, Any]] = {}
        self.closed_ids: set[Key] = set()
        self.closed_where: list[ColumnElement[bool]] = []
        self.gone: set[Household] = set()  # households that left: all their rows go
        self.handed_over: dict[Household, str | None] = {}  # to the new provider
        self.changes: dict[Key, dict[str, Any]] = {}  # of single rows (assignee, due day)

    def open(self, municipality: str, signal: Opened, days: int) -> None:
        self.put(_row(municipality, signal, days))

    def put(self, row: dict[str, Any]) -> None:
        """A row (re)opened: it replaces whatever the table held under its id."""
        key = (row["municipality"], row["follow_up_id"])
        self.changes.pop(key, None)
        self.opened[key] = row

    def close(self, municipality: str, signal: Closed) -> None:
        if signal.key is not None:
            self.close_id((municipality, follow_up_id(signal.rule, signal.subject_id, signal.key)))
            return
        for key, row in list(self.opened.items()):
            same = row["kind"] == signal.rule.value and row["subject_id"] == signal.subject_id
            of_household = signal.household_id in (None, row["household_id"])
            if key[0] == municipality and same and of_household:
                del self.opened[key]
        where = [
            follow_ups.c.municipality == municipality,
            follow_ups.c.kind == signal.rule.value,
            follow_ups.c.subject_id == signal.subject_id,
        ]
        if signal.household_id is not None:
            where.append(follow_ups.c.household_id == signal.household_id)
        self.closed_where.append(and_(*where))

    def close_id(self, key: Key) -> None:
        self.opened.pop(key, None)
        self.changes.pop(key, None)
        self.closed_ids.add(key)

    def change(self, key: Key, **values: Any) -> None:
        if key in self.opened:
            self.opened[key].update(values)
        else:
            self.changes.setdefault(key, {}).update(values)

    def leave(self, household: Household) -> None:
        for key in self._opened_of(household):
            self.close_id(key)
        self.gone.add(household)

    def hand_over(self, household: Household, provider: str | None) -> None:
        for key in self._opened_of(household):
            self.opened[key]["provider"] = provider
        self.handed_over[household] = provider

    def _opened_of(self, household: Household) -> list[Key]:
        municipality, household_id = household
        return [
            key
            for key, row in self.opened.items()
            if key[0] == municipality and row["household_id"] == household_id
        ]

    async def flush(self, conn: AsyncConnection) -> None:
        # Deleting first is right for every row the batch closed or (re)opens: each close
        # came after whatever the table held, each open still in `opened` after its close.
        await _delete_ids(conn, sorted(self.closed_ids | self.opened.keys()))
        for where in self.closed_where:
            await conn.execute(delete(follow_ups).where(where))
        await _delete_households(conn, sorted(self.gone))
        if self.handed_over:
            await conn.execute(
                update(follow_ups)
                .where(
                    follow_ups.c.municipality == bindparam("b_municipality"),
                    follow_ups.c.household_id == bindparam("b_household"),
                )
                .values(provider=bindparam("b_provider")),
                [
                    {"b_municipality": m, "b_household": h, "b_provider": provider}
                    for (m, h), provider in self.handed_over.items()
                ],
            )
        await _change_rows(conn, self.changes)
        if self.opened:
            await conn.execute(insert(follow_ups), list(self.opened.values()))
        self.clear()


async def _delete_ids(conn: AsyncConnection, keys: Sequence[Key]) -> None:
    # One municipality at a time with a plain IN on the id: SQLite does not use the primary
    # key for `(municipality, follow_up_id) IN (VALUES …)` and scanned the whole table on
    # every flush (a rebuild grew quadratic: bench/due_list.py, 342 events/s at 20,000).
    await _delete_in(conn, follow_ups.c.follow_up_id, keys)


async def _delete_households(conn: AsyncConnection, households: Sequence[Household]) -> None:
    await _delete_in(conn, follow_ups.c.household_id, households)


async def _delete_in(
    conn: AsyncConnection, column: Column[UUID], keys: Sequence[tuple[str, UUID]]
) -> None:
    ids: dict[str, list[UUID]] = {}
    for municipality, id_ in keys:
        ids.setdefault(municipality, []).append(id_)
    for municipality, of_municipality in ids.items():
        for start in range(0, len(of_municipality), CHUNK):
            chunk = of_municipality[start : start + CHUNK]
            await conn.execute(
                delete(follow_ups).where(
                    follow_ups.c.municipality == municipality, column.in_(chunk)
                )
            )


async def _change_rows(conn: AsyncConnection, changes: Mapping[Key, dict[str, Any]]) -> None:
    """One executemany per set of changed columns (a reassignment, a new due day, both)."""
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for (municipality, follow_up), values in changes.items():
        row = {"b_municipality": municipality, "b_id": follow_up}
        row.update({f"b_{column}": value for column, value in values.items()})
        by_columns.setdefault(tuple(sorted(values)), []).append(row)
    for columns, rows in by_columns.items():
        statement = (
            update(follow_ups)
            .where(
                follow_ups.c.municipality == bindparam("b_municipality"),
                follow_ups.c.follow_up_id == bindparam("b_id"),
            )
            .values({column: bindparam(f"b_{column}") for column in columns})
        )
        await conn.execute(statement, rows)


class RuleDays:
    """The days per rule of each municipality the batch touches, read once per batch."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn
        self.known: dict[str, dict[Rule, int]] = {}

    async def of(self, municipality: str, rule: Rule) -> int:
        if municipality not in self.known:
            self.known[municipality] = await rule_days(self.conn, municipality)
        return self.known[municipality][rule]


async def rule_days(conn: AsyncConnection, municipality: str) -> dict[Rule, int]:
    """The municipality's days per rule: its own where set, the default otherwise."""
    statement = select(follow_up_rules.c.rule, follow_up_rules.c.days).where(
        follow_up_rules.c.municipality == municipality
    )
    own = {Rule(rule): days for rule, days in await conn.execute(statement)}
    return {rule: own.get(rule, default) for rule, default in DEFAULT_DAYS.items()}


async def _apply_one(recorded: RecordedEvent, days: RuleDays, pending: Pending) -> None:
    municipality, event = recorded.envelope.municipality, recorded.event
    for source in SOURCES:
        for signal in source(event, municipality, recorded.envelope.provider):
            if isinstance(signal, Opened):
                pending.open(municipality, signal, await days.of(municipality, signal.rule))
            elif isinstance(signal, Closed):
                pending.close(municipality, signal)
    match event:
        case FollowUpScheduled():
            pending.put(
                {
                    "municipality": municipality,
                    "follow_up_id": event.follow_up_id,
                    "kind": WRITTEN,
                    "subject_kind": event.subject_kind.value,
                    "subject_id": event.subject_id,
                    "key": None,
                    "household_id": event.household_id,
                    "provider": recorded.envelope.provider,
                    "anchor_on": business_day(event.occurred_at),
                    "due_on": event.due_on,
                    "due_time": event.due_time,
                    "assignee": event.assignee,
                }
            )
        case FollowUpReassigned():
            pending.change((municipality, event.follow_up_id), assignee=event.assignee)
        case FollowUpPostponed():
            key = (municipality, event.follow_up_id)
            pending.change(key, due_on=event.due_on, due_time=event.due_time)
        case FollowUpCompleted():
            pending.close_id((municipality, event.follow_up_id))
        case HouseholdHandedOver():
            # The new provider's team takes over what is open on the household.
            pending.hand_over((municipality, event.household_id), event.to_provider)
        case HouseholdDeregistered():
            # Nothing is due on a household that left move-out management.
            pending.leave((municipality, event.household_id))
        case _:
            pass


def _row(municipality: str, signal: Opened, days: int) -> dict[str, Any]:
    return {
        "municipality": municipality,
        "follow_up_id": follow_up_id(signal.rule, signal.subject_id, signal.key),
        "kind": signal.rule.value,
        "subject_kind": signal.subject_kind.value,
        "subject_id": signal.subject_id,
        "key": signal.key,
        "household_id": signal.household_id,
        "provider": signal.provider,
        "anchor_on": signal.anchor_on,
        "due_on": due_on(signal.rule, signal.anchor_on, days),
        "due_time": None,
        "assignee": None,
    }


async def _stages(
    conn: AsyncConnection,
    changed_cards: Mapping[tuple[str, UUID], CaseCard | None],
    days: RuleDays,
) -> None:
    """Each changed household's `stage_stalled`, anchored on the day its current stage
    began; gone with the card or once nothing waits on staff. One delete and one insert
    for the batch: a rebuild changes every card."""
    if not changed_cards:
        return
    stale = [
        (municipality, follow_up_id(Rule.stage_stalled, household_id, None))
        for municipality, household_id in changed_cards
    ]
    await _delete_ids(conn, stale)
    rows = []
    for (municipality, household_id), card in changed_cards.items():
        if card is None or card.stage not in STALLS:
            continue
        signal = Opened(
            Rule.stage_stalled,
            SubjectKind.household,
            household_id,
            card.stage_since,
            household_id=household_id,
            provider=card.provider,
        )
        rows.append(_row(municipality, signal, await days.of(municipality, Rule.stage_stalled)))
    if rows:
        await conn.execute(insert(follow_ups), rows)
