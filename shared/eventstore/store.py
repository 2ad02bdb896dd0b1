"""The SQL event store: append with an expected version, load a stream, read everything.

`append` writes the events and their outbox entries with the caller's connection, so
both land in the caller's transaction or neither does (docs/architecture.md, invariant 1).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC
from uuid import uuid4

from sqlalchemy import Row, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.clock import utcnow
from shared.contracts.registry import EventRegistry
from shared.decider import DomainError
from shared.envelope import CommandContext, DomainEvent, Envelope
from shared.eventstore.schema import events, outbox


class ConcurrencyConflict(Exception):
    """Somebody else appended to the stream since it was read."""

    def __init__(self, stream_id: str, expected_version: int) -> None:
        super().__init__(f"stream {stream_id} moved past version {expected_version}")
        self.stream_id = stream_id
        self.expected_version = expected_version


class DateOutOfRange(DomainError):
    """An event's day cannot be stored as a timestamp (0001-01-01 is before UTC's first
    day). The contracts refuse implausible days first; this keeps any that slip past a
    refusal (HTTP 422) instead of an internal error."""

    kind = "validation"

    def __init__(self) -> None:
        super().__init__(
            "date_out_of_range",
            "Ein Datum liegt außerhalb des möglichen Bereichs; bitte die Jahreszahl prüfen.",
        )


@dataclass(frozen=True)
class RecordedEvent:
    envelope: Envelope
    event: DomainEvent


class EventStore:
    def __init__(self, registry: EventRegistry) -> None:
        self.registry = registry

    async def load(self, conn: AsyncConnection, stream_id: str) -> list[RecordedEvent]:
        """Every event of one stream, oldest first, decoded (and upcast) to current types."""
        rows = await conn.execute(
            select(events).where(events.c.stream_id == stream_id).order_by(events.c.stream_version)
        )
        recorded = []
        for row in rows:
            envelope = row_to_envelope(row)
            event = self.registry.decode(envelope)
            if event is None:
                raise LookupError(f"stream {stream_id} holds unknown event {envelope.event_type}")
            recorded.append(RecordedEvent(envelope, event))
        return recorded

    async def append(
        self,
        conn: AsyncConnection,
        *,
        stream_id: str,
        expected_version: int,
        new_events: Sequence[DomainEvent],
        context: CommandContext,
        provider: str | None,
    ) -> list[Envelope]:
        """Append `new_events` after `expected_version`, or raise `ConcurrencyConflict`."""
        if not new_events:
            return []
        try:
            envelopes = self._envelopes(stream_id, expected_version, new_events, context, provider)
        except OverflowError as exc:
            raise DateOutOfRange() from exc
        try:
            await conn.execute(insert(events), [envelope_to_row(e) for e in envelopes])
        except IntegrityError as exc:
            raise ConcurrencyConflict(stream_id, expected_version) from exc
        await conn.execute(insert(outbox), [outbox_row(self.registry, e) for e in envelopes])
        return envelopes

    def _envelopes(
        self,
        stream_id: str,
        expected_version: int,
        new_events: Sequence[DomainEvent],
        context: CommandContext,
        provider: str | None,
    ) -> list[Envelope]:
        recorded_at = context.recorded_at or utcnow()
        return [
            Envelope(
                event_id=uuid4(),
                event_type=event.event_type,
                schema_version=event.schema_version,
                stream_id=stream_id,
                stream_version=expected_version + offset,
                municipality=context.municipality,
                provider=provider,
                actor=context.actor,
                correlation_id=context.correlation_id,
                causation_id=context.causation_id,
                occurred_at=event.occurred_at.astimezone(UTC),
                recorded_at=recorded_at.astimezone(UTC),
                payload=event.payload(),
            )
            for offset, event in enumerate(new_events, start=1)
        ]

    async def read_all(
        self, conn: AsyncConnection, *, after_position: int = 0, limit: int = 1000
    ) -> list[tuple[int, Envelope]]:
        rows = await conn.execute(
            select(events)
            .where(events.c.position > after_position)
            .order_by(events.c.position)
            .limit(limit)
        )
        return [(row.position, row_to_envelope(row)) for row in rows]

    async def enqueue_republish(self, conn: AsyncConnection, *, from_position: int = 0) -> int:
        """Put stored events back into the outbox, e.g. after the broker lost its data.

        JetStream drops what it still holds (same `Nats-Msg-Id` within its duplicate
        window) and every consumer drops what it already applied, so this is safe to run.
        """
        count = 0
        while True:
            batch = await self.read_all(conn, after_position=from_position, limit=1000)
            if not batch:
                return count
            await conn.execute(insert(outbox), [outbox_row(self.registry, e) for _, e in batch])
            count += len(batch)
            from_position = batch[-1][0]

    async def count(self, conn: AsyncConnection) -> int:
        return int((await conn.execute(select(func.count()).select_from(events))).scalar_one())


def envelope_to_row(envelope: Envelope) -> dict[str, object]:
    return envelope.model_dump()


def row_to_envelope(row: Row[tuple[object, ...]]) -> Envelope:
    data = dict(row._mapping)
    data.pop("position", None)
    return Envelope.model_validate(data)


def outbox_row(registry: EventRegistry, envelope: Envelope) -> dict[str, object]:
    return {
        "event_id": envelope.event_id,
        "subject": registry.subject(envelope.event_type),
        "body": envelope.model_dump_json(),
    }
