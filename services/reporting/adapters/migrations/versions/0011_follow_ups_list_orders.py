"""reporting: the due list read in the order each list is sorted by

Revision ID: reporting_0011
Revises: reporting_0010
Create Date: 2026-12-07

`ix_follow_ups_list` (reporting_0010) covered the filters but not the page's unique key,
so every page sorted its due day's rows again, a page by kind or provider sorted all due
rows, and "mine" (an OR across the caseboard) read every due row of the municipality.
Now one index per order a list is read in — by due day, kind, provider, assignee — each
ending in `follow_up_id` and covering the filters; "mine" reads its unassigned part by
the caseboard's caseworker and the household; a subject's rows are read first by
`ix_follow_ups_subject`, now with the municipality in front (without statistics SQLite
preferred a list index's order over an index on the subject alone). `ix_follow_ups_due`
is a prefix of the new `ix_follow_ups_list` and goes. Figures: bench/README.md ("The due list").
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "reporting_0011"
down_revision = "reporting_0010"
branch_labels = None
depends_on = None

# Spelled out rather than imported: a migration keeps the schema of its own day.
LIST = ["due_on", "due_time", "follow_up_id", "kind", "provider", "assignee", "household_id"]
NEW = {
    "ix_follow_ups_list": [*LIST, "subject_kind"],
    "ix_follow_ups_kind": [
        "kind",
        "due_on",
        "due_time",
        "follow_up_id",
        "provider",
        "assignee",
        "household_id",
    ],
    "ix_follow_ups_provider": [
        "provider",
        "due_on",
        "due_time",
        "follow_up_id",
        "kind",
        "assignee",
        "household_id",
    ],
    "ix_follow_ups_assignee": [
        "assignee",
        "due_on",
        "due_time",
        "follow_up_id",
        "kind",
        "provider",
        "household_id",
    ],
    "ix_follow_ups_household": ["household_id", "assignee", "due_on"],
    "ix_follow_ups_subject": ["subject_id", "kind"],
}
ASSIGNED = sa.text("assignee IS NOT NULL")
OLD = {
    "ix_follow_ups_due": ["municipality", "due_on"],
    "ix_follow_ups_list": [
        "municipality",
        "due_on",
        "due_time",
        "kind",
        "provider",
        "assignee",
        "household_id",
    ],
    "ix_follow_ups_household": ["household_id"],
    "ix_follow_ups_subject": ["subject_id", "kind"],
}


def upgrade() -> None:
    for name in OLD:
        op.drop_index(name, table_name="follow_ups")
    for name, columns in NEW.items():
        if name == "ix_follow_ups_assignee":
            # Only assigned rows (see follow_up_tables.py).
            op.create_index(
                name,
                "follow_ups",
                ["municipality", *columns],
                sqlite_where=ASSIGNED,
                postgresql_where=ASSIGNED,
            )
        else:
            op.create_index(name, "follow_ups", ["municipality", *columns])
    op.create_index("ix_caseboard_caseworker", "caseboard", ["municipality", "caseworker"])


def downgrade() -> None:
    op.drop_index("ix_caseboard_caseworker", table_name="caseboard")
    for name in NEW:
        op.drop_index(name, table_name="follow_ups")
    for name, columns in OLD.items():
        op.create_index(name, "follow_ups", columns)
