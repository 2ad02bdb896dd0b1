"""placement: no stall thresholds of its own (the due list's rules say when to chase)

Revision ID: placement_0005
Revises: placement_0004
Create Date: 2026-12-07

A proposal the landlord has not answered and a guarantee nobody decided are the due
list's rules `proposal_unanswered` and `guarantee_undecided` (reporting's
`follow_up_rules`, set by the coordination at /ui/fristen). Placement's own thresholds
were a second setting for the same thing that could disagree: the columns go. A
municipality's own values are not carried over (another service's database); the
downgrade restores the defaults of 0001 (14 and 21 days).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "placement_0005"
down_revision = "placement_0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("placement_rules") as batch:
        batch.drop_column("guarantee_stall_days")
        batch.drop_column("proposal_stall_days")


def downgrade() -> None:
    with op.batch_alter_table("placement_rules") as batch:
        batch.add_column(
            sa.Column("proposal_stall_days", sa.Integer, nullable=False, server_default="14")
        )
        batch.add_column(
            sa.Column("guarantee_stall_days", sa.Integer, nullable=False, server_default="21")
        )
