"""intake: backbone tables and personal data of households

Revision ID: intake_0001
Revises:
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

from shared.eventstore.schema import create_backbone_tables_v1

revision = "intake_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_backbone_tables_v1()
    op.create_table(
        "household_details",
        sa.Column("household_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("accommodation_site", sa.String(120)),
        sa.Column("phone", sa.String(40)),
        sa.Column("email", sa.String(254)),
        sa.Column("note", sa.Text),
    )
    op.create_table(
        "household_members",
        sa.Column("member_id", sa.Uuid, primary_key=True),
        sa.Column("household_id", sa.Uuid, nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("age_band", sa.String(10), nullable=False),
        sa.Column("given_name", sa.String(100)),
        sa.Column("family_name", sa.String(100)),
        sa.Column("birth_date", sa.Date),
    )


def downgrade() -> None:
    op.drop_table("household_members")
    op.drop_table("household_details")
    op.drop_table("processed_events")
    op.drop_table("outbox")
    op.drop_table("events")
