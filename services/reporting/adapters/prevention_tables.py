"""Facts from prevention (Wohnintegrationshilfe): referrals, decisions, visits, outcomes."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, Index, Integer, String, Uuid

from services.reporting.adapters.schema import CODE, fact_table

referrals = fact_table(
    "referrals",
    Column("case_id", Uuid, nullable=False),
    Column("source", String(CODE), nullable=False),
    Column("target_group", String(CODE), nullable=False),
    Column("housing_situation", String(CODE), nullable=False),
    Column("adults", Integer, nullable=False),
    Column("minors", Integer, nullable=False),
    Column("household_id", Uuid),
)
admissions = fact_table(
    "admissions",
    Column("case_id", Uuid, nullable=False),
    Column("target_group", String(CODE), nullable=False),
    Column("adults", Integer, nullable=False),
    Column("minors", Integer, nullable=False),
    Column("with_children", Boolean, nullable=False),
    Column("ends_on", Date, nullable=False),
    Index("ix_admissions_case", "case_id"),
    # Covering, for the open cases on a day (migration reporting_0004).
    Index("ix_admissions_open", "municipality", "occurred_on", "case_id", "provider"),
)
rejections = fact_table(
    "rejections",
    Column("case_id", Uuid, nullable=False),
    Column("reason", String(CODE), nullable=False),
)
home_visits = fact_table(
    "home_visits",
    Column("case_id", Uuid, nullable=False),
    Column("visit_id", Uuid, nullable=False),
    Column("due_on", Date),
    Column("late", Boolean, nullable=False),
)
# The day the next home visit is due, as planned or as set by the last visit.
visit_schedule = fact_table(
    "visit_schedule",
    Column("case_id", Uuid, nullable=False),
    Column("stream_version", Integer, nullable=False),
    Column("next_visit_due", Date, nullable=False),
    Index("ix_visit_schedule_case", "case_id", "occurred_on"),
    Index(
        "ix_visit_schedule_latest",
        *("case_id", "municipality", "occurred_on", "stream_version", "next_visit_due"),
    ),
)
mediations = fact_table(
    "mediations",
    Column("case_id", Uuid, nullable=False),
    Column("party", String(CODE), nullable=False),
    Column("topic", String(CODE), nullable=False),
    Column("outcome", String(CODE)),
)
referrals_out = fact_table(
    "referrals_out",
    Column("case_id", Uuid, nullable=False),
    Column("kind", String(CODE), nullable=False),
)
case_closures = fact_table(
    "case_closures",
    Column("case_id", Uuid, nullable=False),
    Column("outcome", String(CODE), nullable=False),
    Column("target_group", String(CODE), nullable=False),
    Column("housing_situation", String(CODE), nullable=False),
    Column("adults", Integer, nullable=False),
    Column("minors", Integer, nullable=False),
    Column("with_children", Boolean, nullable=False),
    Column("admitted", Boolean, nullable=False),
    Column("admitted_on", Date),
    Column("length_days", Integer),
    Index("ix_case_closures_case", "case_id"),
    Index("ix_case_closures_closed", "municipality", "occurred_on", "case_id"),
)
# The aftercare facts' `status` of a withdrawal: a correction of the household's earlier
# offer and acceptance, from the day it was recorded (adapters/corrections.py).
WITHDRAWN = "withdrawn"
aftercare = fact_table(
    "aftercare",
    Column("household_id", Uuid, nullable=False),
    Column("status", String(CODE), nullable=False),
    Column("reason", String(CODE)),
)

TABLES = (
    referrals,
    admissions,
    rejections,
    home_visits,
    visit_schedule,
    mediations,
    referrals_out,
    case_closures,
    aftercare,
)
