"""intake: the history of rectifications (Art. 16 DSGVO)

Revision ID: intake_0007
Revises: intake_0006
Create Date: 2026-12-07

One row per corrected field: household, member (empty for contact and note), the field's
name, old and new value, when and by whom (pseudonymous). Personal data: erasure deletes
the rows, the Art. 15 export lists them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from shared.eventstore.schema import UTCDateTime

revision = "intake_0007"
down_revision = "intake_0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "personal_data_corrections",
        sa.Column("correction_id", sa.Uuid, primary_key=True),
        sa.Column("household_id", sa.Uuid, nullable=False),
        sa.Column("member_id", sa.Uuid),
        sa.Column("field", sa.String(20), nullable=False),
        sa.Column("old_value", sa.Text),
        sa.Column("new_value", sa.Text),
        sa.Column("corrected_at", UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(120), nullable=False),
    )
    op.create_index(
        "ix_personal_data_corrections_household_id",
        "personal_data_corrections",
        ["household_id"],
    )


def downgrade() -> None:
    op.drop_index("ix_personal_data_corrections_household_id", "personal_data_corrections")
    op.drop_table("personal_data_corrections")
