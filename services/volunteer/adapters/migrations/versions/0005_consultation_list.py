"""volunteer: the list of consultations, filled from the events already stored

Revision ID: volunteer_0005
Revises: volunteer_0004
Create Date: 2026-11-22

The table is written with each `ConsultationHeld` from now on; the consultations
recorded before are folded from the service's own event store here, once, in the
migration's transaction: the service never answers from a half-filled list, and no
consumer or replay is needed for events that are in this very database.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import sqlalchemy as sa
from alembic import op

from shared.clock import business_day
from shared.eventstore.schema import UTCDateTime

revision = "volunteer_0005"
down_revision = "volunteer_0004"
branch_labels = None
depends_on = None

_events = sa.table(
    "events",
    sa.column("event_type", sa.String),
    sa.column("municipality", sa.String),
    sa.column("occurred_at", UTCDateTime()),
    sa.column("payload", sa.JSON),
    sa.column("position", sa.Integer),
)


def upgrade() -> None:
    table = op.create_table(
        "consultation_list",
        sa.Column("consultation_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("provider", sa.String(64), nullable=False),
        sa.Column("held_on", sa.Date, nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("visitor", sa.String(40), nullable=False),
        sa.Column("topic", sa.String(40), nullable=False),
        sa.Column("duration_minutes", sa.Integer, nullable=False),
        sa.Column("appointment", sa.Boolean, nullable=False),
        sa.Column("office_hour_id", sa.Uuid),
        sa.Column("tandem_id", sa.Uuid),
        sa.Column("household_id", sa.Uuid),
        sa.Index("ix_consultation_list_day", "municipality", "held_on"),
    )
    assert table is not None
    stored = op.get_bind().execute(
        sa.select(_events.c.municipality, _events.c.occurred_at, _events.c.payload)
        .where(_events.c.event_type == "ConsultationHeld")
        .order_by(_events.c.position)
    )
    rows = [_row(r.municipality, r.occurred_at, r.payload) for r in stored]
    if rows:
        op.bulk_insert(table, rows)


def _row(municipality: str, occurred_at: object, payload: dict[str, object]) -> dict[str, object]:
    """A stored event's payload as a row of the list."""
    assert isinstance(occurred_at, datetime)

    def uuid(key: str) -> UUID | None:
        value = payload.get(key)
        return UUID(str(value)) if value else None

    return {
        "consultation_id": uuid("consultation_id"),
        "municipality": municipality,
        "provider": payload["provider"],
        "held_on": business_day(occurred_at),
        "channel": payload["channel"],
        "visitor": payload["visitor"],
        "topic": payload["topic"],
        "duration_minutes": payload["duration_minutes"],
        "appointment": bool(payload.get("appointment", False)),
        "office_hour_id": uuid("office_hour_id"),
        "tandem_id": uuid("tandem_id"),
        "household_id": uuid("household_id"),
    }


def downgrade() -> None:
    op.drop_table("consultation_list")
