"""Daily counts per source (`fact_days`): what a period's figures read instead of scanning
every fact. One row per source, tenant, provider, business day, recording day and
combination of the source's dimensions, with how many facts and persons it holds.

Keeping the recording day makes "as known on" exact: a fact recorded at `t` is known on
day K when `business_day(t) <= K`, the same cut the fact tables make by timestamp.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Column, Date, Integer, String, Table, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from services.reporting.adapters.schema import CODE, REPORTING
from shared.contracts.reporting import FiguresQuery

fact_days = Table(
    "fact_days",
    REPORTING,
    Column("source", String(CODE), primary_key=True),
    Column("municipality", String(64), primary_key=True),
    Column("provider", String(64), primary_key=True),  # "" where none applies
    Column("occurred_on", Date, primary_key=True),
    Column("recorded_on", Date, primary_key=True),
    Column("dims", String(400), primary_key=True),  # JSON list, in the source's order
    Column("n", Integer, nullable=False),
    Column("adults", Integer, nullable=False),
    Column("minors", Integer, nullable=False),
)
KEY = ("source", "municipality", "provider", "occurred_on", "recorded_on", "dims")


def dims_key(values: Iterable[Any]) -> str:
    return json.dumps(list(values), separators=(",", ":"))


async def add(conn: AsyncConnection, counts: Mapping[tuple[Any, ...], list[int]]) -> None:
    """Add `counts` (key as in `KEY` → [n, adults, minors]) to the daily rows."""
    if not counts:
        return
    rows = [
        {**dict(zip(KEY, key, strict=True)), "n": n, "adults": a, "minors": m}
        for key, (n, a, m) in counts.items()
    ]
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(fact_days)
    excluded = statement.excluded
    await conn.execute(
        statement.on_conflict_do_update(
            index_elements=list(KEY),
            set_={
                "n": fact_days.c.n + excluded.n,
                "adults": fact_days.c.adults + excluded.adults,
                "minors": fact_days.c.minors + excluded.minors,
            },
        ),
        rows,
    )


async def grouped(
    conn: AsyncConnection,
    sources: Mapping[str, tuple[str, ...]],
    municipality: str,
    query: FiguresQuery,
    *,
    since_ever: bool = False,
) -> dict[str, list[Mapping[str, Any]]]:
    """The facts of every source in `sources` (name → its dimensions) in the period,
    grouped by the dimensions: one query for all of them. `since_ever`: from the first
    day on, not from the period's (a balance on the period's last day)."""
    t = fact_days
    statement = select(
        t.c.source, t.c.dims, func.sum(t.c.n), func.sum(t.c.adults), func.sum(t.c.minors)
    ).where(
        t.c.source.in_(list(sources)),
        t.c.municipality == municipality,
        t.c.occurred_on <= query.period_to,
    )
    if not since_ever:
        statement = statement.where(t.c.occurred_on >= query.period_from)
    if query.provider is not None:
        statement = statement.where(t.c.provider == query.provider)
    if query.as_known_on is not None:
        statement = statement.where(t.c.recorded_on <= query.as_known_on)
    found: dict[str, list[Mapping[str, Any]]] = {name: [] for name in sources}
    for name, key, n, a, m in await conn.execute(statement.group_by(t.c.source, t.c.dims)):
        dims = dict(zip(sources[name], json.loads(key), strict=True))
        found[name].append({**dims, "n": n, "adults": a, "minors": m})
    return found
