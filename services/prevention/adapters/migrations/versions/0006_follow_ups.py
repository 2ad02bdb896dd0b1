"""prevention: written follow-ups (Wiedervorlagen) on prevention cases

Revision ID: prevention_0006
Revises: prevention_0004 (prevention_0005 once the notes are merged)
Create Date: 2026-12-07

One row per written follow-up: its subject, its current due day, time and assignee
(pseudonymous), its completion and its text. The text is personal data: erasure deletes
the case's rows, the household's Art. 15 export lists them. The history is the follow-up's
event stream (no text in it).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from shared.eventstore.schema import UTCDateTime

revision = "prevention_0006"
# The lead sets "prevention_0005" (case notes) at merge; on this branch 0005 is not there.
down_revision = "prevention_0005"
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


def downgrade() -> None:
    op.drop_index("ix_follow_ups_subject", "follow_ups")
    op.drop_index("ix_follow_ups_household_id", "follow_ups")
    op.drop_table("follow_ups")
