"""The registration facts: the first fact table, filled by the `reporting-figures` consumer."""

from __future__ import annotations

from sqlalchemy import Column, Date, Index, Integer, String, Table, Uuid, delete
from sqlalchemy.ext.asyncio import AsyncConnection

from services.reporting.adapters.cube import fact_days
from services.reporting.adapters.schema import REPORTING
from shared.eventstore.schema import UTCDateTime

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
    Index("ix_registrations_period", "municipality", "occurred_on"),
    Index("ix_registrations_household", "household_id"),
)


async def clear_registrations(conn: AsyncConnection) -> None:
    """Empty what the `reporting-figures` consumer fills: the facts and their daily counts."""
    await conn.execute(delete(registrations))
    await conn.execute(delete(fact_days).where(fact_days.c.source == "registrations"))
