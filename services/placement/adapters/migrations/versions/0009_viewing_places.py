"""placement: where a viewing takes place (Treffpunkt)

Revision ID: placement_0009
Revises: placement_0006 (the lead sets the chain at merge)
Create Date: 2026-12-07

Free text given when a viewing is scheduled; it may be a private landlord's address, so it
stays out of the events. Deleted by the household's erasure, listed in its Art. 15 export.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "placement_0009"
# The lead sets the last of placement's revisions at merge (0007/0008 are other slices').
down_revision = "placement_0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "viewing_places",
        sa.Column("viewing_id", sa.Uuid, primary_key=True),
        sa.Column("offer_id", sa.Uuid, nullable=False),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("household_id", sa.Uuid, nullable=False),
        sa.Column("place", sa.String(300), nullable=False),
    )
    op.create_index("ix_viewing_places_offer_id", "viewing_places", ["offer_id"])
    op.create_index("ix_viewing_places_household_id", "viewing_places", ["household_id"])


def downgrade() -> None:
    op.drop_index("ix_viewing_places_household_id", "viewing_places")
    op.drop_index("ix_viewing_places_offer_id", "viewing_places")
    op.drop_table("viewing_places")
