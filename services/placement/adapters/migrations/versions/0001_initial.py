"""placement: backbone tables, personal data, read models and rules per municipality

Seeds the default stall thresholds (14 days without a landlord's answer, 21 days
without a decision on a guarantee) and Köln's Jobcenter guideline values for gross cold
rent and size (Mietrichtwerte for moving in from 01.01.2022). Amounts are stored in
hundredths (cents, hundredths of a m²).

Revision ID: placement_0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

from shared.eventstore.schema import create_backbone_tables_v1

revision = "placement_0001"
down_revision = None
branch_labels = None
depends_on = None

KOELN_2022 = [  # persons, gross cold rent in €, size in m²
    (1, 651, 50),
    (2, 788, 65),
    (3, 939, 80),
    (4, 1095, 95),
    (5, 1251, 110),
]


def upgrade() -> None:
    create_backbone_tables_v1()
    _personal_data()
    _read_models()
    _rules()


def _personal_data() -> None:
    op.create_table(
        "landlord_details",
        sa.Column("landlord_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200)),
        sa.Column("contact_name", sa.String(200)),
        sa.Column("contact_phone", sa.String(40)),
        sa.Column("contact_email", sa.String(254)),
        sa.Column("note", sa.Text),
    )
    op.create_table(
        "offer_details",
        sa.Column("offer_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("street_address", sa.String(200)),
        sa.Column("note", sa.Text),
    )


def _read_models() -> None:
    op.create_table(
        "candidate_households",
        sa.Column("household_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False, index=True),
        sa.Column("provider", sa.String(64), nullable=False),
        sa.Column("adults", sa.Integer, nullable=False),
        sa.Column("minors", sa.Integer, nullable=False),
        sa.Column("registered_on", sa.Date, nullable=False),
        sa.Column("has_wbs", sa.Boolean),
        sa.Column("wbs_valid_until", sa.Date),
        sa.Column("readiness", sa.String(32)),
        sa.Column("readiness_assessed_on", sa.Date),
        sa.Column("deregistered_on", sa.Date),
    )
    op.create_table(
        "landlords",
        sa.Column("landlord_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False, index=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("registered_on", sa.Date, nullable=False),
        sa.Column("cooperation_agreed_on", sa.Date),
    )
    op.create_table(
        "offers",
        sa.Column("offer_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False, index=True),
        sa.Column("landlord_id", sa.Uuid, nullable=False),
        sa.Column("landlord_kind", sa.String(40), nullable=False),
        sa.Column("district", sa.String(64), nullable=False),
        sa.Column("rooms", sa.BigInteger, nullable=False),
        sa.Column("size_m2", sa.BigInteger, nullable=False),
        sa.Column("cold_rent", sa.BigInteger, nullable=False),
        sa.Column("running_costs", sa.BigInteger, nullable=False),
        sa.Column("available_from", sa.Date, nullable=False),
        sa.Column("wbs_required", sa.Boolean, nullable=False),
        sa.Column("refugee_quota", sa.Boolean, nullable=False),
        sa.Column("accessible", sa.Boolean, nullable=False),
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("received_on", sa.Date, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("closed_on", sa.Date),
    )
    op.create_table(
        "proposals",
        sa.Column("offer_id", sa.Uuid, primary_key=True),
        sa.Column("household_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False, index=True),
        sa.Column("provider", sa.String(64), nullable=False),
        sa.Column("proposed_on", sa.Date, nullable=False),
        sa.Column("decision", sa.String(20)),
        sa.Column("decided_on", sa.Date),
    )
    op.create_table(
        "guarantees",
        sa.Column("guarantee_id", sa.Uuid, primary_key=True),
        sa.Column("offer_id", sa.Uuid, nullable=False, index=True),
        sa.Column("household_id", sa.Uuid, nullable=False),
        sa.Column("municipality", sa.String(64), nullable=False, index=True),
        sa.Column("provider", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("requested_from", sa.String(20), nullable=False),
        sa.Column("requested_on", sa.Date, nullable=False),
        sa.Column("decision", sa.String(20)),
        sa.Column("decided_on", sa.Date),
    )
    op.create_table(
        "placements",
        sa.Column("offer_id", sa.Uuid, primary_key=True),
        sa.Column("household_id", sa.Uuid, nullable=False, index=True),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("provider", sa.String(64), nullable=False),
        sa.Column("lease_signed_on", sa.Date, nullable=False),
        sa.Column("moved_on", sa.Date, nullable=False),
    )


def _rules() -> None:
    limits = op.create_table(
        "rent_limits",
        sa.Column("municipality", sa.String(64), primary_key=True),
        sa.Column("persons", sa.Integer, primary_key=True),
        sa.Column("max_gross_cold_rent", sa.BigInteger, nullable=False),
        sa.Column("max_size_m2", sa.BigInteger),
    )
    rules = op.create_table(
        "placement_rules",
        sa.Column("municipality", sa.String(64), primary_key=True),
        sa.Column("proposal_stall_days", sa.Integer, nullable=False),
        sa.Column("guarantee_stall_days", sa.Integer, nullable=False),
        sa.Column("extra_person_rent", sa.BigInteger),
        sa.Column("extra_person_m2", sa.BigInteger),
    )
    assert limits is not None and rules is not None
    op.bulk_insert(
        rules,
        [
            {
                "municipality": "*",
                "proposal_stall_days": 14,
                "guarantee_stall_days": 21,
                "extra_person_rent": None,
                "extra_person_m2": None,
            },
            {
                "municipality": "koeln",
                "proposal_stall_days": 14,
                "guarantee_stall_days": 21,
                "extra_person_rent": 158_00,
                "extra_person_m2": 15_00,
            },
        ],
    )
    op.bulk_insert(
        limits,
        [
            {
                "municipality": "koeln",
                "persons": persons,
                "max_gross_cold_rent": rent * 100,
                "max_size_m2": size * 100,
            }
            for persons, rent, size in KOELN_2022
        ],
    )


def downgrade() -> None:
    for table in (
        "placement_rules",
        "rent_limits",
        "placements",
        "guarantees",
        "proposals",
        "offers",
        "landlords",
        "candidate_households",
        "offer_details",
        "landlord_details",
        "processed_events",
        "outbox",
        "events",
    ):
        op.drop_table(table)
