"""The caseboard's tables: one row per open move-out case, as the projection keeps it, and
the households whose processing intake restricted (Art. 18 DSGVO; ids and days only)."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, Index, Integer, String, Table, Uuid

from services.reporting.adapters.schema import CODE, REPORTING

caseboard = Table(
    "caseboard",
    REPORTING,
    Column("municipality", String(64), primary_key=True),
    Column("household_id", Uuid, primary_key=True),
    Column("provider", String(64), nullable=False),
    Column("adults", Integer, nullable=False),
    Column("minors", Integer, nullable=False),
    Column("registered_on", Date, nullable=False),
    Column("stage", String(CODE), nullable=False),
    Column("stage_since", Date, nullable=False),
    Column("ready", Boolean, nullable=False),
    Column("offer_id", Uuid),
    Column("pending_guarantees", Integer, nullable=False),
    Column("moved_on", Date),
    # Pseudonym of the responsible member of staff (intake's CaseworkerAssigned).
    Column("caseworker", String(120)),
    Index("ix_caseboard_offer", "offer_id"),
    Index("ix_caseboard_scope_since", "municipality", "provider", "stage_since"),
    # The households a caseworker is responsible for ("mine" on the due list).
    Index("ix_caseboard_caseworker", "municipality", "caseworker"),
)

# Kept apart from the cards: a restriction outlives the case (drill-downs list closed ones).
restricted_households = Table(
    "restricted_households",
    REPORTING,
    Column("municipality", String(64), primary_key=True),
    Column("household_id", Uuid, primary_key=True),
    Column("restricted_on", Date, nullable=False),
)
