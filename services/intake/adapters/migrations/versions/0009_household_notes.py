"""intake: case notes on households

Revision ID: intake_0009
Revises: intake_0008
Create Date: 2026-12-07

One row per note (shared/casework/notes.py): the household, kind, day, text, the
pseudonymous author and when it was written. Personal data: erasure deletes the rows, the
Art. 15 export lists them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from shared.eventstore.schema import UTCDateTime

revision = "intake_0009"
# intake_0008 is another slice's (not on this branch yet): the lead sets it at merge.
down_revision = "intake_0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "household_notes",
        sa.Column("note_id", sa.Uuid, primary_key=True),
        sa.Column("household_id", sa.Uuid, nullable=False),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("note_kind", sa.String(20), nullable=False),
        sa.Column("written_on", sa.Date, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("author", sa.String(100), nullable=False),
        sa.Column("written_at", UTCDateTime(), nullable=False),
    )
    op.create_index(
        "ix_household_notes_household_id_written",
        "household_notes",
        ["household_id", "written_on", "written_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_household_notes_household_id_written", "household_notes")
    op.drop_table("household_notes")
