"""Backbone tables every service database has: events, outbox, the consumers' tracking and
the idempotency keys of the commands it executed (see shared/idempotency.py).

The tables are built by a versioned function. The runtime uses the newest; each
service's initial Alembic migration calls `create_backbone_tables_v1`, which stays
frozen: a later change to these tables is a `_v2` and a new migration.
"""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import op
from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.engine import Dialect

# SQLite only autoincrements an INTEGER PRIMARY KEY.
Position = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator[datetime]):
    """An aware timestamp stored in UTC. SQLite would otherwise drop the offset silently."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive timestamps are not stored")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _backbone_v1(metadata: MetaData) -> tuple[Table, Table, Table]:
    events = Table(
        "events",
        metadata,
        Column("position", Position, primary_key=True, autoincrement=True),
        Column("event_id", Uuid, nullable=False, unique=True),
        Column("stream_id", String(120), nullable=False),
        Column("stream_version", Integer, nullable=False),
        Column("event_type", String(120), nullable=False),
        Column("schema_version", Integer, nullable=False),
        Column("municipality", String(64), nullable=False),
        Column("provider", String(64)),
        Column("actor", String(120), nullable=False),
        Column("correlation_id", Uuid, nullable=False),
        Column("causation_id", Uuid),
        Column("occurred_at", UTCDateTime(), nullable=False),
        Column("recorded_at", UTCDateTime(), nullable=False),
        Column("payload", JSON, nullable=False),
        # The optimistic concurrency check: two writers of the same version, one loses.
        UniqueConstraint("stream_id", "stream_version", name="uq_events_stream_version"),
        Index("ix_events_type", "event_type"),
    )
    outbox = Table(
        "outbox",
        metadata,
        Column("id", Position, primary_key=True, autoincrement=True),
        Column("event_id", Uuid, nullable=False),
        Column("subject", String(200), nullable=False),
        Column("body", Text, nullable=False),
    )
    processed = Table(
        "processed_events",
        metadata,
        Column("consumer", String(120), primary_key=True),
        Column("event_id", Uuid, primary_key=True),
        Column("recorded_at", UTCDateTime(), nullable=False),
    )
    return events, outbox, processed


def _idempotency_v1(metadata: MetaData) -> Table:
    return Table(
        "idempotency_keys",
        metadata,
        # A key is the caller's, for one operation: two accounts or two operations never
        # share an answer even when they chose the same key.
        Column("user_id", String(120), primary_key=True),
        Column("operation", String(200), primary_key=True),
        Column("key", String(200), primary_key=True),
        Column("request_hash", String(64), nullable=False),
        # The request that claimed the key: its later transactions recognise their own row.
        Column("claim", Uuid, nullable=False),
        Column("created_at", UTCDateTime(), nullable=False),
        # The answer once the handler returned; empty while it runs.
        Column("reply", JSON),
        Index("ix_idempotency_keys_created_at", "created_at"),
    )


BACKBONE = MetaData()
events, outbox, processed_events = _backbone_v1(BACKBONE)
idempotency_keys = _idempotency_v1(BACKBONE)


def create_backbone_tables_v1() -> None:
    """For a service's initial migration."""
    _backbone_v1(frozen := MetaData())
    frozen.create_all(op.get_bind())


def create_idempotency_table_v1() -> None:
    """For each service's migration that adds the idempotency keys."""
    _idempotency_v1(frozen := MetaData())
    frozen.create_all(op.get_bind())


def drop_idempotency_table_v1() -> None:
    op.drop_table("idempotency_keys")
