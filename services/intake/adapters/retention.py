"""Retention rules per municipality, and the households a rule could apply to."""

from __future__ import annotations

from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.intake.adapters.tables import retention_rules
from shared.eventstore.schema import events


async def load_rules(conn: AsyncConnection) -> dict[str, int]:
    """Years after deregistration, by municipality (no rule: nothing is erased)."""
    rows = await conn.execute(select(retention_rules))
    return {row.municipality: row.erase_after_years for row in rows}


async def save_rule(conn: AsyncConnection, municipality: str, years: int) -> None:
    await conn.execute(
        delete(retention_rules).where(retention_rules.c.municipality == municipality)
    )
    await conn.execute(
        insert(retention_rules).values(municipality=municipality, erase_after_years=years)
    )


async def deregistered_streams(conn: AsyncConnection, municipality: str) -> list[str]:
    """Household streams of `municipality` that were ever deregistered, oldest first."""
    rows = await conn.execute(
        select(events.c.stream_id)
        .where(
            events.c.event_type == "HouseholdDeregistered",
            events.c.municipality == municipality,
        )
        .order_by(events.c.position)
    )
    return list(dict.fromkeys(rows.scalars()))
