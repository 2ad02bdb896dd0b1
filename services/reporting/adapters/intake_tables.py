"""Facts from intake: households' changes, duplicate decisions, assessments, the inbox."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, Index, Integer, String, Uuid

from services.reporting.adapters.schema import CODE, fact_table
from shared.eventstore.schema import UTCDateTime

# One row per registration, composition change, accommodation change, hand-over and
# deregistration: each row holds what its event says (counts, kind, provider, reason),
# so the state of a household on any day is the newest value of each up to that day.
# A revoked deregistration adds a row of change `REVOKED` on the revoked one's day (a
# correction, see `period.revoked`); it holds that deregistration's counts and reason.
REVOKED = "deregistration_revoked"
household_changes = fact_table(
    "household_changes",
    Column("household_id", Uuid, nullable=False),
    Column("stream_version", Integer, nullable=False),
    Column("change", String(CODE), nullable=False),
    Column("adults", Integer),
    Column("minors", Integer),
    Column("accommodation_kind", String(CODE)),
    Column("reason", String(CODE)),
    Column("previous_provider", String(64)),  # of a hand-over: who had it before
    Index("ix_household_changes_household", "household_id", "occurred_on"),
)
duplicate_decisions = fact_table(
    "duplicate_decisions",
    Column("household_id", Uuid, nullable=False),
    Column("other_household_id", Uuid, nullable=False),
    Column("stream_version", Integer, nullable=False),
    Column("linked", Boolean, nullable=False),
    Index("ix_duplicate_decisions_household", "household_id"),
)
readiness_assessments = fact_table(
    "readiness_assessments",
    Column("household_id", Uuid, nullable=False),
    Column("result", String(CODE), nullable=False),
)
inquiries = fact_table(
    "inquiries",
    Column("inquiry_id", Uuid, nullable=False, index=True),
    Column("sender_kind", String(CODE), nullable=False),
    Column("channel", String(CODE), nullable=False),
    Column("received_at", UTCDateTime(), nullable=False),
)
inquiry_triages = fact_table(
    "inquiry_triages",
    Column("inquiry_id", Uuid, nullable=False),
    Column("outcome", String(CODE), nullable=False),
    Column("first", Boolean, nullable=False),
    Column("hours", Float),
    Index("ix_inquiry_triages_inquiry", "inquiry_id"),
)

TABLES = (household_changes, duplicate_decisions, readiness_assessments, inquiries, inquiry_triages)
