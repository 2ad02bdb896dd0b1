"""gateway: logins of OpenID Connect users, by their pseudonymous user id

Revision ID: gateway_0002
Revises: gateway_0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "gateway_0002"
down_revision = "gateway_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "oidc_logins",
        sa.Column("user_id", sa.String(120), primary_key=True),
        sa.Column("login", sa.String(120), nullable=False, index=True),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("oidc_logins")
