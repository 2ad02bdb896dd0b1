"""reporting: the responsible caseworker on the caseboard, and indexes for its paging

Revision ID: reporting_0008
Revises: reporting_0007
Create Date: 2026-12-07

`caseworker` is the pseudonym of the member of staff intake's `CaseworkerAssigned` names
(the gateway shows the name). Cards written before this revision have none until a
rebuild of the read model (`services.reporting.entrypoints.app.rebuild`) replays the
assignments. The caseboard pages in SQL: the index serves its default order (a scope's
cases by the day their stage began).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "reporting_0008"
down_revision = "reporting_0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("caseboard", sa.Column("caseworker", sa.String(120), nullable=True))
    op.create_index(
        "ix_caseboard_scope_since", "caseboard", ["municipality", "provider", "stage_since"]
    )


def downgrade() -> None:
    op.drop_index("ix_caseboard_scope_since", table_name="caseboard")
    op.drop_column("caseboard", "caseworker")
