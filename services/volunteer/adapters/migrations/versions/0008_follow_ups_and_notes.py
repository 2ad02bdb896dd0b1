"""volunteer: written follow-ups (Wiedervorlagen) and case notes on volunteers

Revision ID: volunteer_0008
Revises: volunteer_0007
Create Date: 2026-12-07

`follow_ups`: one row per written follow-up (shared/casework/followups.py) — its subject,
current due day, time and pseudonymous assignee, its completion and its text.
`volunteer_notes`: one row per note (shared/casework/notes.py). Both texts are the
volunteer's personal data: the volunteer's erasure (by the coordination or by retention)
deletes the rows. The follow-ups' history is their event stream (no text in it).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from shared.eventstore.schema import UTCDateTime

revision = "volunteer_0008"
down_revision = "volunteer_0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "follow_ups",
        sa.Column("follow_up_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("subject_kind", sa.String(32), nullable=False),
        sa.Column("subject_id", sa.Uuid, nullable=False),
        sa.Column("household_id", sa.Uuid),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("due_time", sa.Time),
        sa.Column("assignee", sa.String(120)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("scheduled_at", UTCDateTime(), nullable=False),
        sa.Column("scheduled_by", sa.String(120), nullable=False),
        sa.Column("completed_at", UTCDateTime()),
    )
    op.create_index("ix_follow_ups_household_id", "follow_ups", ["household_id"])
    op.create_index("ix_follow_ups_subject", "follow_ups", ["subject_id", "subject_kind"])
    op.create_table(
        "volunteer_notes",
        sa.Column("note_id", sa.Uuid, primary_key=True),
        sa.Column("volunteer_id", sa.Uuid, nullable=False),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("note_kind", sa.String(20), nullable=False),
        sa.Column("written_on", sa.Date, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("author", sa.String(100), nullable=False),
        sa.Column("written_at", UTCDateTime(), nullable=False),
    )
    op.create_index(
        "ix_volunteer_notes_volunteer_id_written",
        "volunteer_notes",
        ["volunteer_id", "written_on", "written_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_volunteer_notes_volunteer_id_written", "volunteer_notes")
    op.drop_table("volunteer_notes")
    op.drop_index("ix_follow_ups_subject", "follow_ups")
    op.drop_index("ix_follow_ups_household_id", "follow_ups")
    op.drop_table("follow_ups")
