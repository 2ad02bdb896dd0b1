"""gateway: users who sign in through the OpenID provider, and their sessions' ID tokens

Revision ID: gateway_0003
Revises: gateway_0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "gateway_0003"
down_revision = "gateway_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "oidc_accounts",
        sa.Column("user_id", sa.Uuid, sa.ForeignKey("users.user_id"), primary_key=True),
        sa.Column("oidc_user_id", sa.String(120), nullable=False, unique=True),
    )
    op.create_table(
        "oidc_sessions",
        sa.Column(
            "token_hash",
            sa.String(64),
            sa.ForeignKey("sessions.token_hash", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("id_token", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("oidc_sessions")
    op.drop_table("oidc_accounts")
