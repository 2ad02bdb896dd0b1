"""placement: each scheduled viewing as an appointment, with its meeting point (Treffpunkt)

Revision ID: placement_0009
Revises: placement_0006 (the lead sets the chain at merge)
Create Date: 2026-12-07

Day, time, who attends (pseudonymous), whether it was held, and the place as free text
given when the viewing is scheduled; the place may be a private landlord's address, so it
stays out of the events. Deleted by the household's erasure, listed in its Art. 15 export.
Viewings scheduled before this revision have no row: they were arranged without a place
and are in nobody's calendar.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "placement_0009"
# The lead sets the last of placement's revisions at merge (0007/0008 are other slices').
down_revision = "placement_0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "viewing_appointments",
        sa.Column("viewing_id", sa.Uuid, primary_key=True),
        sa.Column("offer_id", sa.Uuid, nullable=False),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("household_id", sa.Uuid, nullable=False),
        sa.Column("provider", sa.String(64), nullable=False),
        sa.Column("viewing_on", sa.Date, nullable=False),
        sa.Column("viewing_at", sa.Time),
        sa.Column("attendee", sa.String(120), nullable=False),
        sa.Column("place", sa.String(300)),
        sa.Column("held", sa.Boolean, nullable=False),
    )
    op.create_index("ix_viewing_appointments_offer_id", "viewing_appointments", ["offer_id"])
    op.create_index(
        "ix_viewing_appointments_household_id", "viewing_appointments", ["household_id"]
    )
    op.create_index(
        "ix_viewing_appointments_day", "viewing_appointments", ["municipality", "viewing_on"]
    )


def downgrade() -> None:
    op.drop_index("ix_viewing_appointments_day", "viewing_appointments")
    op.drop_index("ix_viewing_appointments_household_id", "viewing_appointments")
    op.drop_index("ix_viewing_appointments_offer_id", "viewing_appointments")
    op.drop_table("viewing_appointments")
