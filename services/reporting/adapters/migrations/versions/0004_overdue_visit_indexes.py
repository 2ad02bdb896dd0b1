"""reporting: covering indexes for the overdue home visits

Revision ID: reporting_0004
Revises: reporting_0003
Create Date: 2026-11-22

"Visits overdue" is a state on the period's last day: every admitted case of the tenant,
less the closed ones, with its latest planned visit. At a million events (12,600 cases
per municipality) reading those through the period indexes cost ~60 ms of CPU per
report on SQLite (a table lookup per row and a sort per case); these indexes answer all
three parts from the index alone (~15–30 ms).
"""

from __future__ import annotations

from alembic import op

revision = "reporting_0004"
down_revision = "reporting_0003"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_admissions_open": ("admissions", ["municipality", "occurred_on", "case_id", "provider"]),
    "ix_case_closures_closed": ("case_closures", ["municipality", "occurred_on", "case_id"]),
    "ix_visit_schedule_latest": (
        "visit_schedule",
        ["case_id", "municipality", "occurred_on", "stream_version", "next_visit_due"],
    ),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _) in INDEXES.items():
        op.drop_index(name, table_name=table)
