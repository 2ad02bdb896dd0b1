"""prevention: case notes on Wohnintegrationshilfe cases

Revision ID: prevention_0005
Revises: prevention_0004
Create Date: 2026-12-07

One row per note (shared/casework/notes.py): the case, kind, day, text, the pseudonymous
author and when it was written. Personal data: erasure and retention delete the rows, the
Art. 15 export lists them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from shared.eventstore.schema import UTCDateTime

revision = "prevention_0005"
down_revision = "prevention_0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_file_notes",
        sa.Column("note_id", sa.Uuid, primary_key=True),
        sa.Column("case_id", sa.Uuid, nullable=False),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("note_kind", sa.String(20), nullable=False),
        sa.Column("written_on", sa.Date, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("author", sa.String(100), nullable=False),
        sa.Column("written_at", UTCDateTime(), nullable=False),
    )
    op.create_index(
        "ix_case_file_notes_case_id_written",
        "case_file_notes",
        ["case_id", "written_on", "written_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_case_file_notes_case_id_written", "case_file_notes")
    op.drop_table("case_file_notes")
