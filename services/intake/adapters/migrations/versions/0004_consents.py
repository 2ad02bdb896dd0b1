"""intake: purpose-bound consents and the tandems a household's data went to

Revision ID: intake_0004
Revises: intake_0003
Create Date: 2026-11-21

Consents recorded before purposes existed were all taken at registration, for the
provider's own processing: they become `data_processing`.
"""

import sqlalchemy as sa
from alembic import op

revision = "intake_0004"
down_revision = "intake_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("household_consents") as batch:
        batch.add_column(
            sa.Column(
                "purpose_code", sa.String(40), nullable=False, server_default="data_processing"
            )
        )
        batch.add_column(sa.Column("note", sa.Text))
    op.create_table(
        "tandem_disclosures",
        sa.Column("tandem_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("household_id", sa.Uuid, nullable=False),
        sa.Column("provider", sa.String(64), nullable=False),
        sa.Column("formed_on", sa.Date, nullable=False),
        sa.Column("consent_id", sa.Uuid),
        sa.Column("consent_given_on", sa.Date),
        sa.Column("ended_on", sa.Date),
        sa.Index("ix_tandem_disclosures_household", "municipality", "household_id"),
    )


def downgrade() -> None:
    op.drop_table("tandem_disclosures")
    with op.batch_alter_table("household_consents") as batch:
        batch.drop_column("note")
        batch.drop_column("purpose_code")
