"""reporting: the outcome of a mediation

Revision ID: reporting_0006
Revises: reporting_0005
Create Date: 2026-11-22

`MediationRecorded` carries an optional outcome from now on; the facts of mediations
recorded before keep none (NULL) and count as "Ergebnis nicht erfasst" — as they would
after a rebuild, since their events have no outcome either.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "reporting_0006"
down_revision = "reporting_0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("mediations", sa.Column("outcome", sa.String(40)))


def downgrade() -> None:
    with op.batch_alter_table("mediations") as table:
        table.drop_column("outcome")
