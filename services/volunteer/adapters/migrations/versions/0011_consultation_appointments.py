"""volunteer: individual consultations arranged ahead (Einzeltermine)

Revision ID: volunteer_0011
Revises: volunteer_0010 (the letter templates')
Create Date: 2026-12-07

`consultation_appointments`: one row per open appointment of an individual consultation,
written in the transaction of its events (services/volunteer/adapters/consultation_appointments.py).
`place` is free text about where it takes place (personal data, in no event).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "volunteer_0011"
down_revision = "volunteer_0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consultation_appointments",
        sa.Column("appointment_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("provider", sa.String(64), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("at", sa.Time, nullable=False),
        sa.Column("minutes", sa.Integer, nullable=False),
        sa.Column("attendee", sa.String(120), nullable=False),
        sa.Column("tandem_id", sa.Uuid),
        sa.Column("household_id", sa.Uuid),
        sa.Column("place", sa.String(300)),
    )
    op.create_index(
        "ix_consultation_appointments_day", "consultation_appointments", ["municipality", "day"]
    )


def downgrade() -> None:
    op.drop_index("ix_consultation_appointments_day", table_name="consultation_appointments")
    op.drop_table("consultation_appointments")
