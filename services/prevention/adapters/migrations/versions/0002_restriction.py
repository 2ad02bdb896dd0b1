"""prevention: households whose processing intake restricted (Art. 18 DSGVO)

Revision ID: prevention_0002
Revises: prevention_0001
Create Date: 2026-11-22

Filled by the new consumer `prevention-restrictions` from intake's events; a new durable
reads intake's stream from its start, so households restricted before are marked too.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "prevention_0002"
down_revision = "prevention_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "restricted_households",
        sa.Column("municipality", sa.String(64), primary_key=True),
        sa.Column("household_id", sa.Uuid, primary_key=True),
        sa.Column("restricted_on", sa.Date, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("restricted_households")
