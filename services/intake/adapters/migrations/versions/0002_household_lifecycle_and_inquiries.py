"""intake: composition, consent, readiness notes, duplicates and the inquiry inbox

Revision ID: intake_0002
Revises: intake_0001
Create Date: 2026-11-24

The lookup keys for duplicates (`phone_key`, `family_name_key`) are filled for rows that
exist already. The normalisation is copied here on purpose: a migration stays as it was
written even when the service's code changes.
"""

import re

import sqlalchemy as sa
from alembic import op

from shared.eventstore.schema import UTCDateTime

revision = "intake_0002"
down_revision = "intake_0001"
branch_labels = None
depends_on = None


def _phone_key(phone: str) -> str | None:
    digits = re.sub(r"\D", "", phone)
    if phone.strip().startswith("+"):
        digits = "00" + digits
    if digits.startswith("0049"):
        digits = "0" + digits[4:]
    return digits or None


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def upgrade() -> None:
    op.add_column("household_details", sa.Column("phone_key", sa.String(40)))
    op.add_column("household_details", sa.Column("deregistration_note", sa.Text))
    op.create_index("ix_household_details_phone_key", "household_details", ["phone_key"])
    op.add_column("household_members", sa.Column("family_name_key", sa.String(100)))
    op.add_column("household_members", sa.Column("left_on", sa.Date))
    op.create_index(
        "ix_household_members_family_name_key", "household_members", ["family_name_key"]
    )
    _backfill_keys()
    op.create_table(
        "household_consents",
        sa.Column("consent_id", sa.Uuid, primary_key=True),
        sa.Column("household_id", sa.Uuid, nullable=False, index=True),
        sa.Column("purpose", sa.String(300), nullable=False),
        sa.Column("given_on", sa.Date, nullable=False),
        sa.Column("given_by", sa.String(120), nullable=False),
        sa.Column("withdrawn_on", sa.Date),
    )
    op.create_table(
        "readiness_notes",
        sa.Column("assessment_id", sa.Uuid, primary_key=True),
        sa.Column("household_id", sa.Uuid, nullable=False, index=True),
        sa.Column("note", sa.Text, nullable=False),
    )
    op.create_table(
        "duplicate_candidates",
        sa.Column("household_id", sa.Uuid, primary_key=True),
        sa.Column("other_household_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False, index=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("flagged_on", sa.Date, nullable=False),
    )
    op.create_table(
        "inquiry_inbox",
        sa.Column("inquiry_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False, index=True),
        sa.Column("sender_kind", sa.String(20), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.Column("first_triaged_at", UTCDateTime()),
        sa.Column("last_outcome", sa.String(20)),
    )
    op.create_table(
        "inquiry_details",
        sa.Column("inquiry_id", sa.Uuid, primary_key=True),
        sa.Column("sender_name", sa.String(200)),
        sa.Column("phone", sa.String(40)),
        sa.Column("email", sa.String(254)),
        sa.Column("text", sa.Text),
    )
    op.create_table(
        "inquiry_notes",
        sa.Column("inquiry_id", sa.Uuid, primary_key=True),
        sa.Column("triage", sa.Integer, primary_key=True),
        sa.Column("note", sa.Text, nullable=False),
    )


def _backfill_keys() -> None:
    bind = op.get_bind()
    details = sa.table(
        "household_details",
        sa.column("household_id", sa.Uuid),
        sa.column("phone", sa.String),
        sa.column("phone_key", sa.String),
    )
    members = sa.table(
        "household_members",
        sa.column("member_id", sa.Uuid),
        sa.column("family_name", sa.String),
        sa.column("family_name_key", sa.String),
    )
    for row in bind.execute(sa.select(details).where(details.c.phone.is_not(None))).all():
        bind.execute(
            details.update()
            .where(details.c.household_id == row.household_id)
            .values(phone_key=_phone_key(row.phone))
        )
    for row in bind.execute(sa.select(members).where(members.c.family_name.is_not(None))).all():
        bind.execute(
            members.update()
            .where(members.c.member_id == row.member_id)
            .values(family_name_key=_name_key(row.family_name))
        )


def downgrade() -> None:
    for table in (
        "inquiry_notes",
        "inquiry_details",
        "inquiry_inbox",
        "duplicate_candidates",
        "readiness_notes",
        "household_consents",
    ):
        op.drop_table(table)
    with op.batch_alter_table("household_members") as batch:
        batch.drop_index("ix_household_members_family_name_key")
        batch.drop_column("left_on")
        batch.drop_column("family_name_key")
    with op.batch_alter_table("household_details") as batch:
        batch.drop_index("ix_household_details_phone_key")
        batch.drop_column("deregistration_note")
        batch.drop_column("phone_key")
