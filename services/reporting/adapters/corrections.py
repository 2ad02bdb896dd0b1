"""Corrections known on the day, taken out of a source's daily counts: household records
confirmed as duplicates, deregistrations revoked, placements retracted, aftercare offers
withdrawn (because their placement was retracted). Each is rare, so
each first checks cheaply whether there is anything to take out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, FromClause, Select, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.reporting.adapters import intake_tables as i
from services.reporting.adapters import placement_tables as p
from services.reporting.adapters import prevention_tables as w
from services.reporting.adapters.fact_source import FactSource, clauses_of, select_facts, subtract
from services.reporting.adapters.intake_tables import REVOKED
from services.reporting.adapters.period import (
    known_by,
    linked_duplicates,
    retracted,
    revoked,
    withdrawn,
)
from services.reporting.domain.figures import Row
from shared.contracts.reporting import FiguresQuery


@dataclass(frozen=True)
class Correction:
    """One kind of correction: which sources it touches, a query that finds whether any
    is known at all (they are rare: usually nothing need be read), and the clause that
    picks the facts it takes back as known on the day."""

    touches: Callable[[FactSource], bool]
    any_known: Callable[[str, FiguresQuery], Select[Any]]
    taken_back: Callable[[FromClause, date | None], ColumnElement[bool]]


def _retractions(municipality: str, query: FiguresQuery) -> Select[Any]:
    # At a million events the period's placements cost 60-75 ms to check one by one.
    r = p.placement_retractions
    return select(r.c.municipality).where(
        r.c.municipality == municipality,
        r.c.occurred_on <= query.period_to,
        *known_by(r, query.as_known_on),
    )


def _revocations(municipality: str, query: FiguresQuery) -> Select[Any]:
    t = i.household_changes
    return select(t.c.municipality).where(
        t.c.municipality == municipality,
        t.c.change == REVOKED,
        t.c.occurred_on <= query.period_to,
        *known_by(t, query.as_known_on),
    )


def _withdrawals(municipality: str, query: FiguresQuery) -> Select[Any]:
    # A withdrawal is recorded on or after the day of what it takes back.
    t = w.aftercare
    return select(t.c.municipality).where(
        t.c.municipality == municipality,
        t.c.status == w.WITHDRAWN,
        t.c.occurred_on >= query.period_from,
        *known_by(t, query.as_known_on),
    )


# The correction lands on the day of what it takes back (the lease day, the
# deregistration day, the offer's day), from the day it was recorded.
RETRACTED = Correction(lambda s: s.retractable, _retractions, retracted)
REVOKED_DEREGISTRATIONS = Correction(lambda s: s.revocable, _revocations, revoked)
WITHDRAWN = Correction(lambda s: s.withdrawable, _withdrawals, withdrawn)


async def corrected(
    conn: AsyncConnection,
    source: FactSource,
    municipality: str,
    query: FiguresQuery,
    counted: Sequence[Row],
) -> list[Row]:
    """Daily counts less what corrections known on the day took back: household records
    confirmed as duplicates, deregistrations revoked, placements retracted, aftercare
    offers withdrawn."""
    counted = await without_duplicates(conn, source, municipality, query, counted)
    for correction in (REVOKED_DEREGISTRATIONS, RETRACTED, WITHDRAWN):
        counted = await without(conn, correction, source, municipality, query, counted)
    return list(counted)


async def without(
    conn: AsyncConnection,
    correction: Correction,
    source: FactSource,
    municipality: str,
    query: FiguresQuery,
    counted: Sequence[Row],
) -> list[Row]:
    """Daily counts less the facts `correction` took back as known on the day."""
    if not correction.touches(source):
        return list(counted)
    found = correction.any_known(municipality, query).limit(1)
    if (await conn.execute(found)).first() is None:
        return list(counted)
    clauses = clauses_of(source, municipality, query)
    clauses.append(correction.taken_back(source.table, query.as_known_on))
    if correction is REVOKED_DEREGISTRATIONS and source.households:
        # Those of confirmed duplicates were taken out already.
        linked = linked_duplicates(municipality, query.as_known_on)
        clauses.append(source.table.c.household_id.not_in(linked))
    return subtract(counted, await select_facts(conn, source, clauses, with_ids=False), source)


async def without_duplicates(
    conn: AsyncConnection,
    source: FactSource,
    municipality: str,
    query: FiguresQuery,
    counted: Sequence[Row],
) -> list[Row]:
    """Daily counts less the facts of household records confirmed as duplicates (few)."""
    if not source.households:
        return list(counted)
    # The ids first: usually there are none, and then there is nothing to subtract.
    linked = list(
        (await conn.execute(linked_duplicates(municipality, query.as_known_on))).scalars()
    )
    if not linked:
        return list(counted)
    clauses = clauses_of(source, municipality, query)
    clauses.append(source.table.c.household_id.in_(linked))
    return subtract(counted, await select_facts(conn, source, clauses, with_ids=False), source)
