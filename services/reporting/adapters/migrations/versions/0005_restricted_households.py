"""reporting: households whose processing intake restricted (Art. 18 DSGVO)

Revision ID: reporting_0005
Revises: reporting_0004
Create Date: 2026-11-22

The caseboard leaves such a household out for everyone but a coordinator (who sees it
marked), and drill-downs withhold its id; no figure changes. The `reporting-facts`
consumer fills the table from now on; households restricted before this revision are
marked after a rebuild of the read model (`services.reporting.entrypoints.app.rebuild`).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "reporting_0005"
down_revision = "reporting_0004"
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
