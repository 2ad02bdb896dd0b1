"""Facts from volunteer: volunteers, tandems, office hours, consultations, workshops."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Index, Integer, String, Uuid

from services.reporting.adapters.schema import CODE, fact_table

volunteer_changes = fact_table(
    "volunteer_changes",
    Column("volunteer_id", Uuid, nullable=False),
    Column("change", String(CODE), nullable=False),
    Index("ix_volunteer_changes_volunteer", "volunteer_id"),
)
tandem_changes = fact_table(
    "tandem_changes",
    Column("tandem_id", Uuid, nullable=False),
    Column("volunteer_id", Uuid, nullable=False),
    Column("household_id", Uuid, nullable=False),
    Column("change", String(CODE), nullable=False),
    Column("reason", String(CODE)),
)
office_hours = fact_table(
    "office_hours",
    Column("office_hour_id", Uuid, nullable=False),
    Column("duration_minutes", Integer, nullable=False),
)
consultations = fact_table(
    "consultations",
    Column("consultation_id", Uuid, nullable=False),
    Column("channel", String(CODE), nullable=False),
    Column("visitor", String(CODE), nullable=False),
    Column("topic", String(CODE), nullable=False),
    Column("appointment", Boolean, nullable=False),
    Column("office_hour_id", Uuid),
)
workshops = fact_table(
    "workshops",
    Column("workshop_id", Uuid, nullable=False),
    Column("topic", String(CODE), nullable=False),
)
workshop_attendances = fact_table(
    "workshop_attendances",
    Column("workshop_id", Uuid, nullable=False),
    Column("attendee_id", Uuid, nullable=False),
    Column("household_id", Uuid),
)
certificates = fact_table(
    "certificates",
    Column("certificate_id", Uuid, nullable=False),
    Column("workshop_id", Uuid, nullable=False),
    Column("topic", String(CODE), nullable=False),
)
placement_supports = fact_table(
    "placement_supports",
    Column("household_id", Uuid, nullable=False),
    Column("tandem_id", Uuid, nullable=False),
    Column("offer_id", Uuid, nullable=False),
    Column("adults", Integer, nullable=False),
    Column("minors", Integer, nullable=False),
)

TABLES = (
    volunteer_changes,
    tandem_changes,
    office_hours,
    consultations,
    workshops,
    workshop_attendances,
    certificates,
    placement_supports,
)
