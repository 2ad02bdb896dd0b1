"""A period source (a fact table, its dimensions and the corrections it takes) and the
queries every source shares: its facts in a period, grouped or one by one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, func, literal, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.reporting.adapters.period import in_period
from services.reporting.domain.figures import Row
from shared.contracts.reporting import FiguresQuery

Where = tuple[str, object]  # only facts whose column has this value


@dataclass(frozen=True)
class FactSource:
    table: Table
    dims: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    persons: bool = False
    where: Where | None = None
    # Household records confirmed as duplicates are left out (a correction): such a
    # source is counted from its facts, every other one from the daily counts.
    households: bool = False
    # Facts of a placement that a later correction took back are left out (as known on).
    retractable: bool = False
    # Deregistrations that a later revocation took back are left out (as known on).
    revocable: bool = False
    # Aftercare offers (and acceptances) a later withdrawal took back are left out.
    withdrawable: bool = False

    def takes(self, row: Mapping[str, Any]) -> bool:
        return self.where is None or row[self.where[0]] == self.where[1]


def subtract(counted: Sequence[Row], taken: Sequence[Row], source: FactSource) -> list[Row]:
    """`counted` (grouped by the source's dimensions) less the groups in `taken`."""
    if not taken:
        return list(counted)
    totals = {tuple(r[d] for d in source.dims): dict(r) for r in counted}
    for row in taken:
        total = totals.get(tuple(row[d] for d in source.dims))
        if total is not None:
            for measure in ("n", "adults", "minors"):
                total[measure] -= row[measure]
    return [row for row in totals.values() if row["n"]]


def clauses_of(source: FactSource, municipality: str, query: FiguresQuery) -> list[Any]:
    t = source.table
    clauses = in_period(
        t, municipality, query.period_from, query.period_to, query.provider, query.as_known_on
    )
    if source.where is not None:
        clauses.append(t.c[source.where[0]] == source.where[1])
    return clauses


async def select_facts(
    conn: AsyncConnection, source: FactSource, clauses: list[Any], *, with_ids: bool
) -> list[Row]:
    t = source.table
    dims = [t.c[d] for d in source.dims]
    adults, minors = (t.c.adults, t.c.minors) if source.persons else (literal(0), literal(0))
    if with_ids:
        columns: list[Any] = [*(t.c[x] for x in source.ids), t.c.provider, *dims]
        statement = select(
            *columns, literal(1).label("n"), adults.label("adults"), minors.label("minors")
        )
    else:
        statement = select(
            *dims,
            func.count().label("n"),
            func.coalesce(func.sum(adults), 0).label("adults"),
            func.coalesce(func.sum(minors), 0).label("minors"),
        ).group_by(*dims)
    result = await conn.execute(statement.where(*clauses))
    return [dict(row._mapping) for row in result]
