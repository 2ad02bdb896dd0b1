"""reporting: fact tables of every context and the caseboard

Revision ID: reporting_0002
Revises: reporting_0001
Create Date: 2026-11-27

Filled by the new `reporting-facts` consumer, which starts at the first event of the
stream: on an existing installation the tables fill from the whole history on the first
start after this migration, without a rebuild. The daily counts of the registrations
(kept by the older `reporting-figures` consumer, which does not replay) are filled here
from the registration facts. The table definitions are written out on purpose: a
migration stays as it was written even when the code changes.
"""

from __future__ import annotations

from collections import Counter
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

from shared.eventstore.schema import UTCDateTime

revision = "reporting_0002"
down_revision = "reporting_0001"
branch_labels = None
depends_on = None

CODE = 40


def _code(name: str, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.String(CODE), nullable=nullable)


def _id(name: str, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.Uuid, nullable=nullable)


def _int(name: str, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.Integer, nullable=nullable)


def _bool(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.Boolean, nullable=False)


def _day(name: str, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.Date, nullable=nullable)


def _fact(name: str, *columns: sa.Column[Any]) -> None:
    op.create_table(
        name,
        sa.Column("event_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("provider", sa.String(64)),
        sa.Column("occurred_on", sa.Date, nullable=False),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        *columns,
    )
    op.create_index(f"ix_{name}_period", name, ["municipality", "occurred_on"])


def upgrade() -> None:
    _intake()
    _placement()
    _prevention()
    _volunteer()
    op.create_table(
        "caseboard",
        sa.Column("municipality", sa.String(64), primary_key=True),
        sa.Column("household_id", sa.Uuid, primary_key=True),
        sa.Column("provider", sa.String(64), nullable=False),
        _int("adults"),
        _int("minors"),
        _day("registered_on"),
        _code("stage"),
        _day("stage_since"),
        _bool("ready"),
        _id("offer_id", nullable=True),
        _int("pending_guarantees"),
        _day("moved_on", nullable=True),
    )
    op.create_index("ix_caseboard_offer", "caseboard", ["offer_id"])
    op.create_table(
        "fact_days",
        sa.Column("source", sa.String(CODE), primary_key=True),
        sa.Column("municipality", sa.String(64), primary_key=True),
        sa.Column("provider", sa.String(64), primary_key=True),
        sa.Column("occurred_on", sa.Date, primary_key=True),
        sa.Column("recorded_on", sa.Date, primary_key=True),
        sa.Column("dims", sa.String(400), primary_key=True),
        _int("n"),
        _int("adults"),
        _int("minors"),
    )
    op.create_index("ix_registrations_household", "registrations", ["household_id"])
    _count_registrations()


def _count_registrations() -> None:
    """The daily counts of registrations recorded before this migration."""
    facts = sa.table(
        "registrations",
        sa.column("municipality", sa.String),
        sa.column("provider", sa.String),
        sa.column("adults", sa.Integer),
        sa.column("minors", sa.Integer),
        sa.column("occurred_on", sa.Date),
        sa.column("recorded_at", UTCDateTime()),
    )
    berlin = ZoneInfo("Europe/Berlin")
    counts: Counter[tuple[Any, ...]] = Counter()
    persons: Counter[tuple[Any, ...]] = Counter()
    for row in op.get_bind().execute(sa.select(facts)):
        recorded_on = row.recorded_at.astimezone(berlin).date()
        key = (row.municipality, row.provider, row.occurred_on, recorded_on)
        counts[key] += 1
        persons[(*key, "adults")] += row.adults
        persons[(*key, "minors")] += row.minors
    days = sa.table(
        "fact_days",
        *(sa.column(c) for c in ("source", "municipality", "provider", "occurred_on")),
        *(sa.column(c) for c in ("recorded_on", "dims", "n", "adults", "minors")),
    )
    rows = [
        {
            "source": "registrations",
            "municipality": municipality,
            "provider": provider,
            "occurred_on": occurred_on,
            "recorded_on": recorded_on,
            "dims": "[]",
            "n": n,
            "adults": persons[(municipality, provider, occurred_on, recorded_on, "adults")],
            "minors": persons[(municipality, provider, occurred_on, recorded_on, "minors")],
        }
        for (municipality, provider, occurred_on, recorded_on), n in counts.items()
    ]
    if rows:
        op.bulk_insert(days, rows)


def _intake() -> None:
    _fact(
        "household_changes",
        _id("household_id"),
        _int("stream_version"),
        _code("change"),
        _int("adults", True),
        _int("minors", True),
        _code("accommodation_kind", True),
        _code("reason", True),
        sa.Column("previous_provider", sa.String(64)),
    )
    op.create_index(
        "ix_household_changes_household", "household_changes", ["household_id", "occurred_on"]
    )
    _fact(
        "duplicate_decisions",
        _id("household_id"),
        _id("other_household_id"),
        _int("stream_version"),
        _bool("linked"),
    )
    op.create_index("ix_duplicate_decisions_household", "duplicate_decisions", ["household_id"])
    _fact("readiness_assessments", _id("household_id"), _code("result"))
    _fact(
        "inquiries",
        _id("inquiry_id"),
        _code("sender_kind"),
        _code("channel"),
        sa.Column("received_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_inquiries_inquiry_id", "inquiries", ["inquiry_id"])
    _fact(
        "inquiry_triages",
        _id("inquiry_id"),
        _code("outcome"),
        _bool("first"),
        sa.Column("hours", sa.Float),
    )
    op.create_index("ix_inquiry_triages_inquiry", "inquiry_triages", ["inquiry_id"])


def _placement() -> None:
    _fact(
        "placements",
        _id("household_id"),
        _id("offer_id"),
        _id("landlord_id"),
        _code("landlord_kind"),
        _bool("refugee_quota"),
        _bool("volunteer_supported"),
        _bool("wbs_required"),
        _bool("household_had_wbs"),
        _int("adults"),
        _int("minors"),
        _day("moved_on"),
    )
    _fact(
        "offers",
        _id("offer_id"),
        _id("landlord_id"),
        _code("landlord_kind"),
        _code("source"),
        _bool("refugee_quota"),
        _bool("wbs_required"),
    )
    _fact("offer_closures", _id("offer_id"), _code("outcome"), _code("reason", True))
    _fact("proposals", _id("offer_id"), _id("household_id"), _int("adults"), _int("minors"))
    _fact(
        "landlord_decisions",
        _id("offer_id"),
        _id("household_id"),
        _code("decision"),
        _day("proposed_on"),
    )
    _fact(
        "viewings",
        _id("offer_id"),
        _id("viewing_id"),
        _id("household_id"),
        _code("outcome"),
        _bool("accompanied_by_tandem"),
    )
    guarantee = (_id("offer_id"), _id("guarantee_id"), _id("household_id"), _code("kind"))
    _fact("guarantee_requests", *guarantee, _code("requested_from"))
    _fact(
        "guarantee_decisions",
        *(sa.Column(c.name, c.type, nullable=c.nullable) for c in guarantee),
        _code("requested_from"),
        _day("requested_on"),
        _code("decision"),
        _int("days"),
    )


def _prevention() -> None:
    _fact(
        "referrals",
        _id("case_id"),
        _code("source"),
        _code("target_group"),
        _code("housing_situation"),
        _int("adults"),
        _int("minors"),
        _id("household_id", True),
    )
    _fact(
        "admissions",
        _id("case_id"),
        _code("target_group"),
        _int("adults"),
        _int("minors"),
        _bool("with_children"),
        _day("ends_on"),
    )
    op.create_index("ix_admissions_case", "admissions", ["case_id"])
    _fact("rejections", _id("case_id"), _code("reason"))
    _fact("home_visits", _id("case_id"), _id("visit_id"), _day("due_on", True), _bool("late"))
    _fact("visit_schedule", _id("case_id"), _int("stream_version"), _day("next_visit_due"))
    op.create_index("ix_visit_schedule_case", "visit_schedule", ["case_id", "occurred_on"])
    _fact("mediations", _id("case_id"), _code("party"), _code("topic"))
    _fact("referrals_out", _id("case_id"), _code("kind"))
    _fact(
        "case_closures",
        _id("case_id"),
        _code("outcome"),
        _code("target_group"),
        _code("housing_situation"),
        _int("adults"),
        _int("minors"),
        _bool("with_children"),
        _bool("admitted"),
        _day("admitted_on", True),
        _int("length_days", True),
    )
    op.create_index("ix_case_closures_case", "case_closures", ["case_id"])
    _fact("aftercare", _id("household_id"), _code("status"), _code("reason", True))


def _volunteer() -> None:
    _fact("volunteer_changes", _id("volunteer_id"), _code("change"))
    op.create_index("ix_volunteer_changes_volunteer", "volunteer_changes", ["volunteer_id"])
    _fact(
        "tandem_changes",
        _id("tandem_id"),
        _id("volunteer_id"),
        _id("household_id"),
        _code("change"),
        _code("reason", True),
    )
    _fact("office_hours", _id("office_hour_id"), _int("duration_minutes"))
    _fact(
        "consultations",
        _id("consultation_id"),
        _code("channel"),
        _code("visitor"),
        _code("topic"),
        _bool("appointment"),
        _id("office_hour_id", True),
    )
    _fact("workshops", _id("workshop_id"), _code("topic"))
    _fact("workshop_attendances", _id("workshop_id"), _id("attendee_id"), _id("household_id", True))
    _fact("certificates", _id("certificate_id"), _id("workshop_id"), _code("topic"))
    _fact(
        "placement_supports",
        _id("household_id"),
        _id("tandem_id"),
        _id("offer_id"),
        _int("adults"),
        _int("minors"),
    )


def downgrade() -> None:
    for name in (
        "fact_days", "caseboard", "household_changes", "duplicate_decisions",
        "readiness_assessments", "inquiries", "inquiry_triages", "placements", "offers",
        "offer_closures", "proposals",
        "landlord_decisions", "viewings", "guarantee_requests", "guarantee_decisions",
        "referrals", "admissions", "rejections", "home_visits", "visit_schedule", "mediations",
        "referrals_out", "case_closures", "aftercare", "volunteer_changes", "tandem_changes",
        "office_hours", "consultations", "workshops", "workshop_attendances", "certificates",
        "placement_supports",
    ):  # fmt: skip
        op.drop_table(name)
