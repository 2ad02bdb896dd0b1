"""reporting: backbone tables and the registration facts

Revision ID: reporting_0001
Revises:
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

from shared.eventstore.schema import UTCDateTime, create_backbone_tables_v1

revision = "reporting_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_backbone_tables_v1()
    op.create_table(
        "registrations",
        sa.Column("event_id", sa.Uuid, primary_key=True),
        sa.Column("household_id", sa.Uuid, nullable=False),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("provider", sa.String(64), nullable=False),
        sa.Column("adults", sa.Integer, nullable=False),
        sa.Column("minors", sa.Integer, nullable=False),
        sa.Column("occurred_on", sa.Date, nullable=False),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_registrations_period", "registrations", ["municipality", "occurred_on"])


def downgrade() -> None:
    op.drop_table("registrations")
    op.drop_table("processed_events")
    op.drop_table("outbox")
    op.drop_table("events")
