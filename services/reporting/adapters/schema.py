"""The reporting read model's tables: one fact table per kind of counted event.

Every fact row is keyed by the id of the event it comes from, so an event never counts
twice and a rebuild from the stream gives the same rows. Every row keeps the tenant
(`municipality`), the provider (Träger) where one applies, the business day
(`occurred_on`, in the business time zone) and when the system learned it
(`recorded_at`): any period can be counted and any "as known on" day reproduced.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, Index, MetaData, String, Table, Uuid
from sqlalchemy.sql.schema import SchemaItem

from shared.eventstore.schema import UTCDateTime

REPORTING = MetaData()
CODE = 40  # length of a code column (an enum value of a contract)


def fact_table(name: str, *columns: SchemaItem) -> Table:
    """A fact table: the common columns, the given ones, and the period index."""
    return Table(
        name,
        REPORTING,
        Column("event_id", Uuid, primary_key=True),
        Column("municipality", String(64), nullable=False),
        Column("provider", String(64)),
        Column("occurred_on", Date, nullable=False),
        Column("recorded_at", UTCDateTime(), nullable=False),
        *columns,
        Index(f"ix_{name}_period", "municipality", "occurred_on"),
    )
