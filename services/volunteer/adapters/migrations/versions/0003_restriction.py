"""volunteer: households whose processing intake restricted (Art. 18 DSGVO)

Revision ID: volunteer_0003
Revises: volunteer_0002
Create Date: 2026-11-22

`known_households.restricted_on` is set by ProcessingRestricted and cleared by
RestrictionLifted. A household restricted before this version is marked once the read
model is rebuilt from the stream (`services.volunteer.entrypoints.app.rebuild`).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "volunteer_0003"
down_revision = "volunteer_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("known_households") as batch:
        batch.add_column(sa.Column("restricted_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("known_households") as batch:
        batch.drop_column("restricted_on")
