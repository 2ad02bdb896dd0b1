"""Reporting's read model: one fact row per counted event, queried per period.

Facts keep the business day (`occurred_on`, counted in the business time zone) and the
moment the system learned them (`recorded_at`), so any period can be counted and any
"as known on" day reproduced. Rows are keyed by event id: the same event never counts
twice, and a rebuild from the stream gives the same rows.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Column, Date, Integer, MetaData, String, Table, Uuid, delete, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.clock import business_time
from shared.contracts.reporting import FiguresQuery
from shared.eventstore.schema import UTCDateTime

REPORTING = MetaData()

registrations = Table(
    "registrations",
    REPORTING,
    Column("event_id", Uuid, primary_key=True),
    Column("household_id", Uuid, nullable=False),
    Column("municipality", String(64), nullable=False),
    Column("provider", String(64), nullable=False),
    Column("adults", Integer, nullable=False),
    Column("minors", Integer, nullable=False),
    Column("occurred_on", Date, nullable=False),
    Column("recorded_at", UTCDateTime(), nullable=False),
)

FACT_TABLES = (registrations,)


async def registration_totals(
    conn: AsyncConnection, municipality: str, query: FiguresQuery
) -> tuple[int, int, int]:
    """(households, adults, minors) registered in the period."""
    t = registrations
    statement = select(
        func.count(), func.coalesce(func.sum(t.c.adults), 0), func.coalesce(func.sum(t.c.minors), 0)
    ).where(
        t.c.municipality == municipality,
        t.c.occurred_on >= query.period_from,
        t.c.occurred_on <= query.period_to,
    )
    if query.provider is not None:
        statement = statement.where(t.c.provider == query.provider)
    if query.as_known_on is not None:
        statement = statement.where(
            t.c.recorded_at < business_time(query.as_known_on + timedelta(days=1))
        )
    households, adults, minors = (await conn.execute(statement)).one()
    return int(households), int(adults), int(minors)


async def clear(conn: AsyncConnection) -> None:
    for table in FACT_TABLES:
        await conn.execute(delete(table))
