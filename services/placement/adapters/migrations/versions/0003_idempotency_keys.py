"""placement: idempotency keys of the commands it executed

Revision ID: placement_0003
Revises: placement_0002
Create Date: 2026-12-06

A command sent with an `Idempotency-Key` claims its key in the transaction that appends
its events and keeps its answer, so a retry answers the first result instead of doing it
twice (shared/idempotency.py). Keys are forgotten after 24 hours.
"""

from __future__ import annotations

from shared.eventstore.schema import create_idempotency_table_v1, drop_idempotency_table_v1

revision = "placement_0003"
down_revision = "placement_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_idempotency_table_v1()


def downgrade() -> None:
    drop_idempotency_table_v1()
