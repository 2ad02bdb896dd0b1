"""intake: restriction of processing and retention rules

Revision ID: intake_0003
Revises: intake_0002
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "intake_0003"
down_revision = "intake_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "household_restrictions",
        sa.Column("household_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False, index=True),
        sa.Column("reason", sa.String(40), nullable=False),
        sa.Column("restricted_on", sa.Date, nullable=False),
        sa.Column("note", sa.Text),
    )
    op.create_table(
        "retention_rules",
        sa.Column("municipality", sa.String(64), primary_key=True),
        sa.Column("erase_after_years", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("retention_rules")
    op.drop_table("household_restrictions")
