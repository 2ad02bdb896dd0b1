"""volunteer: the list of volunteers, and the days of tandems in their index, filled from
the events already stored

Revision ID: volunteer_0007
Revises: volunteer_0006
Create Date: 2026-12-07

Both are written with the events from now on (issue 14: lists paged in SQL); what was
recorded before is folded from the service's own event store here, once, in the
migration's transaction, as 0005 did for the consultations: the service never answers
from a half-filled list.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from alembic import op

from shared.clock import business_day
from shared.eventstore.schema import UTCDateTime

revision = "volunteer_0007"
down_revision = "volunteer_0006"
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
_VOLUNTEER_EVENTS = (
    "VolunteerRegistered",
    "VolunteerOnboarded",
    "VolunteerLeft",
    "VolunteerPersonalDataErased",
)


def upgrade() -> None:
    table = op.create_table(
        "volunteer_list",
        sa.Column("volunteer_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("provider", sa.String(64), nullable=False),
        sa.Column("district", sa.String(64)),
        sa.Column("languages", sa.String(200), nullable=False),
        sa.Column("registered_on", sa.Date, nullable=False),
        sa.Column("ready_for_tandem", sa.Boolean, nullable=False),
        sa.Column("left_on", sa.Date),
        sa.Column("erased_on", sa.Date),
        sa.Index("ix_volunteer_list_provider", "municipality", "provider"),
    )
    assert table is not None
    op.add_column("tandem_index", sa.Column("formed_on", sa.Date))
    op.add_column("tandem_index", sa.Column("ended_on", sa.Date))
    bind = op.get_bind()
    rows = _volunteers(bind)
    if rows:
        op.bulk_insert(table, rows)
    _tandem_days(bind)


def _stored(bind: sa.Connection, *types: str) -> Any:
    return bind.execute(
        sa.select(
            _events.c.event_type, _events.c.municipality, _events.c.occurred_at, _events.c.payload
        )
        .where(_events.c.event_type.in_(types))
        .order_by(_events.c.position)
    )


def _day(occurred_at: object) -> date:
    assert isinstance(occurred_at, datetime)
    return business_day(occurred_at)


def _volunteers(bind: sa.Connection) -> list[dict[str, object]]:
    """Each volunteer's row as the service writes it (volunteer_list.index)."""
    rows: dict[str, dict[str, Any]] = {}
    for r in _stored(bind, *_VOLUNTEER_EVENTS):
        key = str(r.payload["volunteer_id"])
        if r.event_type == "VolunteerRegistered":
            languages = list(r.payload.get("languages") or [])
            rows[key] = {
                "volunteer_id": UUID(key),
                "municipality": r.municipality,
                "provider": r.payload["provider"],
                "district": r.payload.get("district"),
                "languages": f" {' '.join(languages)} " if languages else " ",
                "registered_on": _day(r.occurred_at),
                "ready_for_tandem": False,
                "left_on": None,
                "erased_on": None,
            }
        elif key in rows and r.event_type == "VolunteerOnboarded":
            if r.payload.get("step") == "agreement_signed":
                rows[key]["ready_for_tandem"] = True
        elif key in rows and r.event_type == "VolunteerLeft":
            rows[key]["left_on"] = _day(r.occurred_at)
        elif key in rows:
            rows[key]["erased_on"] = _day(r.occurred_at)
    for row in rows.values():
        # Ready only while active (domain/volunteer.py: `ready_for_tandem`).
        if row["left_on"] or row["erased_on"]:
            row["ready_for_tandem"] = False
    return list(rows.values())


def _tandem_days(bind: sa.Connection) -> None:
    index = sa.table(
        "tandem_index",
        sa.column("tandem_id", sa.Uuid),
        sa.column("formed_on", sa.Date),
        sa.column("ended_on", sa.Date),
    )
    for r in _stored(bind, "TandemFormed", "TandemEnded"):
        column = "formed_on" if r.event_type == "TandemFormed" else "ended_on"
        bind.execute(
            sa.update(index)
            .where(index.c.tandem_id == UUID(str(r.payload["tandem_id"])))
            .values({column: _day(r.occurred_at)})
        )


def downgrade() -> None:
    op.drop_column("tandem_index", "ended_on")
    op.drop_column("tandem_index", "formed_on")
    op.drop_table("volunteer_list")
