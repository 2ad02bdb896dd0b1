"""prevention: backbone tables, case lists, personal data of cases, aftercare offers

Revision ID: prevention_0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

from shared.eventstore.schema import create_backbone_tables_v1

revision = "prevention_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_backbone_tables_v1()
    op.create_table(
        "case_index",
        sa.Column("case_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False, index=True),
        sa.Column("provider", sa.String(64), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("target_group", sa.String(60), nullable=False),
        sa.Column("housing_situation", sa.String(30), nullable=False),
        sa.Column("adults", sa.Integer, nullable=False),
        sa.Column("minors", sa.Integer, nullable=False),
        sa.Column("received_on", sa.Date, nullable=False),
        sa.Column("admitted_on", sa.Date),
        sa.Column("ends_on", sa.Date),
        sa.Column("next_visit_due", sa.Date, index=True),
        sa.Column("last_visit_on", sa.Date),
        sa.Column("closed_on", sa.Date),
        sa.Column("outcome", sa.String(30)),
    )
    op.create_table(
        "case_details",
        sa.Column("case_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("contact_name", sa.String(200)),
        sa.Column("phone", sa.String(40)),
        sa.Column("email", sa.String(254)),
        sa.Column("street_address", sa.String(200)),
        sa.Column("referred_by", sa.String(200)),
        sa.Column("note", sa.Text),
    )
    op.create_table(
        "case_notes",
        sa.Column("case_id", sa.Uuid, primary_key=True),
        sa.Column("entry", sa.String(60), primary_key=True),
        sa.Column("note", sa.Text, nullable=False),
    )
    op.create_table(
        "aftercare_offers",
        sa.Column("municipality", sa.String(64), primary_key=True),
        sa.Column("household_id", sa.Uuid, primary_key=True),
        sa.Column("provider", sa.String(64), nullable=False),
        sa.Column("adults", sa.Integer, nullable=False),
        sa.Column("minors", sa.Integer, nullable=False),
        sa.Column("offered_on", sa.Date, nullable=False),
        sa.Column("moved_on", sa.Date, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("decided_on", sa.Date),
        sa.Column("decline_reason", sa.String(30)),
    )


def downgrade() -> None:
    op.drop_table("aftercare_offers")
    op.drop_table("case_notes")
    op.drop_table("case_details")
    op.drop_table("case_index")
    op.drop_table("processed_events")
    op.drop_table("outbox")
    op.drop_table("events")
