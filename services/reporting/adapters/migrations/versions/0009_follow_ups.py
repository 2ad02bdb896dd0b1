"""reporting: the due list (open follow-ups) and each municipality's days per rule

Revision ID: reporting_0009
Revises: reporting_0008
Create Date: 2026-12-07

`follow_ups` is filled by the `reporting-facts` consumer; follow-ups of events before
this revision appear after a rebuild of the read model
(`services.reporting.entrypoints.app.rebuild`). `follow_up_rules` holds what the
coordination sets and is not part of a rebuild.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "reporting_0009"
down_revision = "reporting_0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "follow_ups",
        sa.Column("municipality", sa.String(64), primary_key=True),
        sa.Column("follow_up_id", sa.Uuid, primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("subject_kind", sa.String(40), nullable=False),
        sa.Column("subject_id", sa.Uuid, nullable=False),
        sa.Column("key", sa.Uuid, nullable=True),
        sa.Column("household_id", sa.Uuid, nullable=True),
        sa.Column("provider", sa.String(64), nullable=True),
        sa.Column("anchor_on", sa.Date, nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("due_time", sa.Time, nullable=True),
        sa.Column("assignee", sa.String(120), nullable=True),
    )
    op.create_index("ix_follow_ups_due", "follow_ups", ["municipality", "due_on"])
    op.create_index("ix_follow_ups_subject", "follow_ups", ["subject_id", "kind"])
    op.create_index("ix_follow_ups_household", "follow_ups", ["household_id"])
    op.create_table(
        "follow_up_rules",
        sa.Column("municipality", sa.String(64), primary_key=True),
        sa.Column("rule", sa.String(40), primary_key=True),
        sa.Column("days", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("follow_up_rules")
    op.drop_index("ix_follow_ups_household", table_name="follow_ups")
    op.drop_index("ix_follow_ups_subject", table_name="follow_ups")
    op.drop_index("ix_follow_ups_due", table_name="follow_ups")
    op.drop_table("follow_ups")
