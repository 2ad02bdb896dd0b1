"""placement: the needs matching follows (accessible flat, preferred districts)

Revision ID: placement_0004
Revises: placement_0003
Create Date: 2026-12-07

`candidate_households.needs_accessible` and `.preferred_districts` come from intake's
`HouseholdRegistered` and `HouseholdNeedsChanged` (which also replaces WBS and its
validity). Rows from before this version read as "not recorded" (NULL) until the read
model is rebuilt from the stream (`services.placement.entrypoints.app.rebuild`).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "placement_0004"
down_revision = "placement_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("candidate_households") as batch:
        batch.add_column(sa.Column("needs_accessible", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("preferred_districts", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("candidate_households") as batch:
        batch.drop_column("preferred_districts")
        batch.drop_column("needs_accessible")
