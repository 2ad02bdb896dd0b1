"""volunteer: backbone tables, personal data, tandem index and read models

Revision ID: volunteer_0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

from shared.eventstore.schema import create_backbone_tables_v1

revision = "volunteer_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_backbone_tables_v1()
    op.create_table(
        "volunteer_details",
        sa.Column("volunteer_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("provider", sa.String(64), nullable=False),
        sa.Column("user_id", sa.String(120), nullable=False),
        sa.Column("given_name", sa.String(100)),
        sa.Column("family_name", sa.String(100)),
        sa.Column("phone", sa.String(40)),
        sa.Column("email", sa.String(254)),
        sa.UniqueConstraint("municipality", "user_id", name="uq_volunteer_user"),
    )
    op.create_table(
        "attendee_details",
        sa.Column("attendee_id", sa.Uuid, primary_key=True),
        sa.Column("workshop_id", sa.Uuid, nullable=False, index=True),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("given_name", sa.String(100)),
        sa.Column("family_name", sa.String(100)),
        sa.Column("birth_date", sa.Date),
    )
    op.create_table(
        "tandem_index",
        sa.Column("tandem_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("household_id", sa.Uuid, nullable=False),
        sa.Column("volunteer_id", sa.Uuid, nullable=False),
        sa.Column("provider", sa.String(64), nullable=False),
        sa.Index("ix_tandem_index_volunteer", "municipality", "volunteer_id"),
        sa.Index("ix_tandem_index_household", "municipality", "household_id"),
    )
    op.create_table(
        "known_households",
        sa.Column("household_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False, index=True),
        sa.Column("provider", sa.String(64), nullable=False),
        sa.Column("adults", sa.Integer, nullable=False),
        sa.Column("minors", sa.Integer, nullable=False),
        sa.Column("accommodation_kind", sa.String(40)),
        sa.Column("registered_on", sa.Date, nullable=False),
        sa.Column("deregistered_on", sa.Date),
    )
    op.create_table(
        "household_placements",
        sa.Column("placement_event_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("household_id", sa.Uuid, nullable=False),
        sa.Column("offer_id", sa.Uuid, nullable=False),
        sa.Column("provider", sa.String(64), nullable=False),
        sa.Column("adults", sa.Integer, nullable=False),
        sa.Column("minors", sa.Integer, nullable=False),
        sa.Column("lease_signed_on", sa.Date, nullable=False),
        sa.Index("ix_household_placements_household", "municipality", "household_id"),
    )


def downgrade() -> None:
    for table in (
        "household_placements",
        "known_households",
        "tandem_index",
        "attendee_details",
        "volunteer_details",
        "processed_events",
        "outbox",
        "events",
    ):
        op.drop_table(table)
