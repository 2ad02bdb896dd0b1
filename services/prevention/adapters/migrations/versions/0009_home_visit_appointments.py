"""prevention: home visit appointments with their place

Revision ID: prevention_0009
Revises: prevention_0006 (the lead sets the chain at merge)
Create Date: 2026-12-07

The open home visit appointment of each case: day, time, length, who attends (pseudonymous)
and the place as free text. The place is personal data: erasure deletes the case's row,
the household's Art. 15 export lists it; it never reaches an event.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "prevention_0009"
# The lead sets the last of prevention's revisions at merge (0007/0008 are other slices').
down_revision = "prevention_0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "home_visit_appointments",
        sa.Column("appointment_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("case_id", sa.Uuid, nullable=False, unique=True),
        sa.Column("provider", sa.String(64), nullable=False),
        sa.Column("household_id", sa.Uuid),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("at", sa.Time, nullable=False),
        sa.Column("minutes", sa.Integer, nullable=False),
        sa.Column("attendee", sa.String(120), nullable=False),
        sa.Column("place", sa.String(300)),
    )
    op.create_index(
        "ix_home_visit_appointments_day", "home_visit_appointments", ["municipality", "day"]
    )


def downgrade() -> None:
    op.drop_index("ix_home_visit_appointments_day", "home_visit_appointments")
    op.drop_table("home_visit_appointments")
