"""gateway: who changed which account, and a one-time password to be replaced (accounts
in the UI, issue 16)

Revision ID: gateway_0007
Revises: gateway_0005
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "gateway_0007"
down_revision = "gateway_0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column("password_change_due", sa.Boolean, nullable=False, server_default=sa.false())
        )
    op.create_table(
        "account_changes",
        sa.Column("change_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Uuid, sa.ForeignKey("users.user_id"), nullable=False),
        sa.Column("changed_by", sa.String(120), nullable=False),
        sa.Column("what", sa.String(20), nullable=False),
        sa.Column("value", sa.String(64)),
    )
    op.create_index("ix_account_changes_user", "account_changes", ["user_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_account_changes_user", "account_changes")
    op.drop_table("account_changes")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("password_change_due")
