"""Corrections known on the day, taken out of a source's daily counts: household records
confirmed as duplicates, deregistrations revoked, placements retracted, aftercare offers
withdrawn (because their placement was retracted). Each is rare, so
each first checks cheaply whether there is anything to take out."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
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


async def without_retracted(
    conn: AsyncConnection,
    source: FactSource,
    municipality: str,
    query: FiguresQuery,
    counted: Sequence[Row],
) -> list[Row]:
    """Daily counts less the facts of placements retracted as known on the day (few):
    the correction lands on the lease day's figures, from the day it was recorded."""
    if not source.retractable or not await _any_retraction(conn, municipality, query):
        return list(counted)
    clauses = [*clauses_of(source, municipality, query), retracted(source.table, query.as_known_on)]
    return subtract(counted, await select_facts(conn, source, clauses, with_ids=False), source)


async def _any_retraction(conn: AsyncConnection, municipality: str, query: FiguresQuery) -> bool:
    # Retractions are rare: without one the facts need not be read at all (at a million
    # events the period's placements cost 60-75 ms to check one by one).
    r = p.placement_retractions
    found = select(r.c.municipality).where(
        r.c.municipality == municipality,
        r.c.occurred_on <= query.period_to,
        *known_by(r, query.as_known_on),
    )
    return (await conn.execute(found.limit(1))).first() is not None


async def corrected(
    conn: AsyncConnection,
    source: FactSource,
    municipality: str,
    query: FiguresQuery,
    counted: Sequence[Row],
) -> list[Row]:
    """Daily counts less what corrections known on the day took back: household records
    confirmed as duplicates, deregistrations revoked, placements retracted."""
    counted = await without_duplicates(conn, source, municipality, query, counted)
    counted = await without_revoked(conn, source, municipality, query, counted)
    counted = await without_retracted(conn, source, municipality, query, counted)
    return await without_withdrawn(conn, source, municipality, query, counted)


async def without_withdrawn(
    conn: AsyncConnection,
    source: FactSource,
    municipality: str,
    query: FiguresQuery,
    counted: Sequence[Row],
) -> list[Row]:
    """Daily counts less the aftercare offers and acceptances withdrawn as known on the
    day (few): the correction lands on the offer's (acceptance's) day, from the day the
    withdrawal was recorded."""
    if not source.withdrawable or not await _any_withdrawal(conn, municipality, query):
        return list(counted)
    clauses = [*clauses_of(source, municipality, query), withdrawn(source.table, query.as_known_on)]
    return subtract(counted, await select_facts(conn, source, clauses, with_ids=False), source)


async def _any_withdrawal(conn: AsyncConnection, municipality: str, query: FiguresQuery) -> bool:
    # A withdrawal is recorded on or after the day of what it takes back.
    t = w.aftercare
    found = select(t.c.municipality).where(
        t.c.municipality == municipality,
        t.c.status == w.WITHDRAWN,
        t.c.occurred_on >= query.period_from,
        *known_by(t, query.as_known_on),
    )
    return (await conn.execute(found.limit(1))).first() is not None


async def without_revoked(
    conn: AsyncConnection,
    source: FactSource,
    municipality: str,
    query: FiguresQuery,
    counted: Sequence[Row],
) -> list[Row]:
    """Daily counts less the deregistrations revoked as known on the day (few): the
    correction lands on the deregistration day's figures, from the day it was recorded."""
    if not source.revocable or not await _any_revocation(conn, municipality, query):
        return list(counted)
    clauses = [*clauses_of(source, municipality, query), revoked(source.table, query.as_known_on)]
    if source.households:
        # Those of confirmed duplicates were taken out already.
        linked = linked_duplicates(municipality, query.as_known_on)
        clauses.append(source.table.c.household_id.not_in(linked))
    return subtract(counted, await select_facts(conn, source, clauses, with_ids=False), source)


async def _any_revocation(conn: AsyncConnection, municipality: str, query: FiguresQuery) -> bool:
    # Like retractions, revocations are rare: without one nothing need be read.
    t = i.household_changes
    found = select(t.c.municipality).where(
        t.c.municipality == municipality,
        t.c.change == REVOKED,
        t.c.occurred_on <= query.period_to,
        *known_by(t, query.as_known_on),
    )
    return (await conn.execute(found.limit(1))).first() is not None


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
