"""prevention: retention rules per municipality

Revision ID: prevention_0003
Revises: prevention_0002
Create Date: 2026-11-22

Years after a case was closed or rejected until the retention job erases its personal
data; no row for a municipality means the job erases nothing there.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "prevention_0003"
down_revision = "prevention_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "retention_rules",
        sa.Column("municipality", sa.String(64), primary_key=True),
        sa.Column("erase_after_years", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("retention_rules")
