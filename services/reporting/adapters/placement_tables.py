"""Facts from placement: offers and their end, proposals, viewings, guarantees, placements."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, Index, Integer, String, Uuid

from services.reporting.adapters.schema import CODE, fact_table

placements = fact_table(
    "placements",
    Column("household_id", Uuid, nullable=False),
    Column("offer_id", Uuid, nullable=False),
    Column("landlord_id", Uuid, nullable=False),
    Column("landlord_kind", String(CODE), nullable=False),
    Column("refugee_quota", Boolean, nullable=False),
    Column("volunteer_supported", Boolean, nullable=False),
    Column("wbs_required", Boolean, nullable=False),
    Column("household_had_wbs", Boolean, nullable=False),
    Column("adults", Integer, nullable=False),
    Column("minors", Integer, nullable=False),
    Column("moved_on", Date, nullable=False),
)
# Corrections: `occurred_on` is the retracted placement's lease day (the day whose figures
# it corrects), `recorded_at` the correction's, so "as known on" shows the old figure.
placement_retractions = fact_table(
    "placement_retractions",
    Column("household_id", Uuid, nullable=False),
    Column("offer_id", Uuid, nullable=False),
    Column("reason", String(CODE), nullable=False),
    Column("retracted_on", Date, nullable=False),
    Index("ix_placement_retractions_offer", "offer_id", "household_id"),
)
offers = fact_table(
    "offers",
    Column("offer_id", Uuid, nullable=False),
    Column("landlord_id", Uuid, nullable=False),
    Column("landlord_kind", String(CODE), nullable=False),
    Column("source", String(CODE), nullable=False),
    Column("refugee_quota", Boolean, nullable=False),
    Column("wbs_required", Boolean, nullable=False),
)
offer_closures = fact_table(
    "offer_closures",
    Column("offer_id", Uuid, nullable=False),
    Column("outcome", String(CODE), nullable=False),
    Column("reason", String(CODE)),
)
proposals = fact_table(
    "proposals",
    Column("offer_id", Uuid, nullable=False),
    Column("household_id", Uuid, nullable=False),
    Column("adults", Integer, nullable=False),
    Column("minors", Integer, nullable=False),
)
landlord_decisions = fact_table(
    "landlord_decisions",
    Column("offer_id", Uuid, nullable=False),
    Column("household_id", Uuid, nullable=False),
    Column("decision", String(CODE), nullable=False),
    Column("proposed_on", Date, nullable=False),
)
viewings = fact_table(
    "viewings",
    Column("offer_id", Uuid, nullable=False),
    Column("viewing_id", Uuid, nullable=False),
    Column("household_id", Uuid, nullable=False),
    Column("outcome", String(CODE), nullable=False),
    Column("accompanied_by_tandem", Boolean, nullable=False),
)
guarantee_requests = fact_table(
    "guarantee_requests",
    Column("offer_id", Uuid, nullable=False),
    Column("guarantee_id", Uuid, nullable=False),
    Column("household_id", Uuid, nullable=False),
    Column("kind", String(CODE), nullable=False),
    Column("requested_from", String(CODE), nullable=False),
)
guarantee_decisions = fact_table(
    "guarantee_decisions",
    Column("offer_id", Uuid, nullable=False),
    Column("guarantee_id", Uuid, nullable=False),
    Column("household_id", Uuid, nullable=False),
    Column("kind", String(CODE), nullable=False),
    Column("requested_from", String(CODE), nullable=False),
    Column("requested_on", Date, nullable=False),
    Column("decision", String(CODE), nullable=False),
    Column("days", Integer, nullable=False),
)

TABLES = (
    placements,
    placement_retractions,
    offers,
    offer_closures,
    proposals,
    landlord_decisions,
    viewings,
    guarantee_requests,
    guarantee_decisions,
)
