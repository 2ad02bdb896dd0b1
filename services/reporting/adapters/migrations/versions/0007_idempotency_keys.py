"""reporting: idempotency keys of the commands it executed

Revision ID: reporting_0007
Revises: reporting_0006
Create Date: 2026-12-06

A command sent with an `Idempotency-Key` claims its key in the transaction that appends
its events and keeps its answer, so a retry answers the first result instead of doing it
twice (shared/idempotency.py). Keys are forgotten after 24 hours.
"""

from __future__ import annotations

from shared.eventstore.schema import create_idempotency_table_v1, drop_idempotency_table_v1

revision = "reporting_0007"
down_revision = "reporting_0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_idempotency_table_v1()


def downgrade() -> None:
    drop_idempotency_table_v1()
