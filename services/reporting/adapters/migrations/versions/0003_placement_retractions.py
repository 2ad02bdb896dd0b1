"""reporting: placement retractions (corrections of placements recorded by mistake)

Revision ID: reporting_0003
Revises: reporting_0002
Create Date: 2026-11-21

No placement was ever retracted before this revision (the event is new), so the empty
table is complete; the `reporting-facts` consumer fills it from now on.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from shared.eventstore.schema import UTCDateTime

revision = "reporting_0003"
down_revision = "reporting_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "placement_retractions",
        sa.Column("event_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("provider", sa.String(64)),
        sa.Column("occurred_on", sa.Date, nullable=False),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.Column("household_id", sa.Uuid, nullable=False),
        sa.Column("offer_id", sa.Uuid, nullable=False),
        sa.Column("reason", sa.String(40), nullable=False),
        sa.Column("retracted_on", sa.Date, nullable=False),
    )
    op.create_index(
        "ix_placement_retractions_period", "placement_retractions", ["municipality", "occurred_on"]
    )
    op.create_index(
        "ix_placement_retractions_offer", "placement_retractions", ["offer_id", "household_id"]
    )


def downgrade() -> None:
    op.drop_table("placement_retractions")
