"""placement: written follow-ups (Wiedervorlagen) and case notes on offers

Revision ID: placement_0006
Revises: placement_0004 (placement_0005 once merged)
Create Date: 2026-12-07

`follow_ups`: one row per written follow-up on an offer, with its current due day, time,
assignee (pseudonymous), completion and text; the history is the follow-up's event stream
(no text in it). `offer_notes`: the notes the coordination writes on an offer. Both hold
free text (personal data), the coordination's alone; a household's erasure deletes those
of the offers it was proposed for (services/placement/application/notes.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from shared.eventstore.schema import UTCDateTime

revision = "placement_0006"
# The lead sets "placement_0005" (another branch's) at merge; on this branch it is not there.
down_revision = "placement_0005"
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
        "offer_notes",
        sa.Column("note_id", sa.Uuid, primary_key=True),
        sa.Column("offer_id", sa.Uuid, nullable=False),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("note_kind", sa.String(20), nullable=False),
        sa.Column("written_on", sa.Date, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("author", sa.String(100), nullable=False),
        sa.Column("written_at", UTCDateTime(), nullable=False),
    )
    op.create_index(
        "ix_offer_notes_offer_id_written", "offer_notes", ["offer_id", "written_on", "written_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_offer_notes_offer_id_written", "offer_notes")
    op.drop_table("offer_notes")
    op.drop_index("ix_follow_ups_subject", "follow_ups")
    op.drop_index("ix_follow_ups_household_id", "follow_ups")
    op.drop_table("follow_ups")
