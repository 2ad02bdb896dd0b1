"""volunteer: the households' consents, learnt from intake's events

Revision ID: volunteer_0002
Revises: volunteer_0001
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "volunteer_0002"
down_revision = "volunteer_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "known_consents",
        sa.Column("consent_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("household_id", sa.Uuid, nullable=False),
        sa.Column("purpose", sa.String(40), nullable=False),
        sa.Column("given_on", sa.Date, nullable=False),
        sa.Column("withdrawn_on", sa.Date),
        sa.Index("ix_known_consents_household", "municipality", "household_id"),
    )


def downgrade() -> None:
    op.drop_table("known_consents")
