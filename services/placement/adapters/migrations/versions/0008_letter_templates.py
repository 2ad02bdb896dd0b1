"""placement: the coordination's letter templates per municipality

Revision ID: placement_0008
Revises: placement_0007 (the documents')
Create Date: 2026-12-07

`letter_templates`: one row per municipality and letter kind the coordination saved
(shared/casework/letters.py); a kind without a row prints from the default shipped in
the code. Configuration, no personal data.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from shared.eventstore.schema import UTCDateTime

revision = "placement_0008"
down_revision = "placement_0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "letter_templates",
        sa.Column("municipality", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(40), primary_key=True),
        sa.Column("subject_line", sa.String(200), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("letter_templates")
