"""placement: households whose processing intake restricted (Art. 18 DSGVO)

Revision ID: placement_0002
Revises: placement_0001
Create Date: 2026-11-22

`candidate_households.restricted_on` is set by ProcessingRestricted and cleared by
RestrictionLifted; a restricted household is left out of matching and may not be
proposed. A household restricted before this version is marked once the read model
is rebuilt from the stream (`services.placement.entrypoints.app.rebuild`).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "placement_0002"
down_revision = "placement_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("candidate_households") as batch:
        batch.add_column(sa.Column("restricted_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("candidate_households") as batch:
        batch.drop_column("restricted_on")
