"""Every table of the reporting read model, and emptying them for a rebuild."""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncConnection

from services.reporting.adapters import (
    intake_tables,
    placement_tables,
    prevention_tables,
    volunteer_tables,
)
from services.reporting.adapters.caseboard_table import caseboard, restricted_households
from services.reporting.adapters.cube import fact_days
from services.reporting.adapters.facts import clear_registrations, registrations
from services.reporting.adapters.follow_up_tables import follow_ups
from services.reporting.adapters.schema import REPORTING

FACT_TABLES = (
    *intake_tables.TABLES,
    *placement_tables.TABLES,
    *prevention_tables.TABLES,
    *volunteer_tables.TABLES,
)
# What the `reporting-facts` consumer fills (the registrations belong to `reporting-figures`).
# The coordination's `follow_up_rules` are settings, not events: a rebuild keeps them.
FACTS_MODEL = (*FACT_TABLES, fact_days, caseboard, restricted_households, follow_ups)

__all__ = [
    "FACTS_MODEL",
    "FACT_TABLES",
    "REPORTING",
    "caseboard",
    "clear_registrations",
    "registrations",
]


async def clear_facts(conn: AsyncConnection) -> None:
    """Empty what the `reporting-facts` consumer fills (all but the registrations)."""
    for table in FACTS_MODEL:
        statement = delete(table)
        if table is fact_days:
            statement = statement.where(fact_days.c.source != "registrations")
        await conn.execute(statement)
