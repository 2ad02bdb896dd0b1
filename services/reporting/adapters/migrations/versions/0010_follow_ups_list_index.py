"""reporting: a covering index for the due list's "Heute" queries

Revision ID: reporting_0010
Revises: reporting_0009
Create Date: 2026-12-07

Every list of the "Heute" page reads the follow-ups due up to a day and counts them; with
only `(municipality, due_on)` each of the many due rows was read from the table to test
kind, provider and assignee and to sort by the due time. With those columns in the index
the count and the filters run on the index alone (bench/due_list.py, 20,000 households:
see bench/README.md).
"""

from __future__ import annotations

from alembic import op

revision = "reporting_0010"
down_revision = "reporting_0009"
branch_labels = None
depends_on = None

COLUMNS = ["municipality", "due_on", "due_time", "kind", "provider", "assignee", "household_id"]


def upgrade() -> None:
    op.create_index("ix_follow_ups_list", "follow_ups", COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_follow_ups_list", table_name="follow_ups")
