"""What the fact handlers share: the row every fact starts from and the handler type."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar
from uuid import UUID

from sqlalchemy import Table

from shared.clock import business_day
from shared.envelope import DomainEvent
from shared.eventstore.store import RecordedEvent

Fact = tuple[Table, dict[str, Any]]


@dataclass
class BatchContext:
    """What a handler may need beyond its own event: filled before the batch is applied."""

    inquiry_received_at: dict[tuple[str, UUID], datetime] = field(default_factory=dict)


Handler = Callable[[RecordedEvent, BatchContext], Iterable[Fact]]
Handlers = Mapping[type[DomainEvent], Handler]


def fact(table: Table, recorded: RecordedEvent, provider: str | None, **columns: Any) -> Fact:
    """A row of `table` for `recorded`: its id, tenant, provider, business day and record time."""
    envelope = recorded.envelope
    return table, {
        "event_id": envelope.event_id,
        "municipality": envelope.municipality,
        "provider": provider,
        "occurred_on": business_day(recorded.event.occurred_at),
        "recorded_at": envelope.recorded_at,
        **columns,
    }


def code(value: object) -> str | None:
    """The plain string of an enum code (None stays None)."""
    return None if value is None else str(getattr(value, "value", value))


E = TypeVar("E", bound=DomainEvent)


def event_of(recorded: RecordedEvent, cls: type[E]) -> E:
    """The event of `recorded` as the type its handler was registered for."""
    assert isinstance(recorded.event, cls)
    return recorded.event


def registry(*groups: Handlers) -> dict[type[DomainEvent], Handler]:
    merged: dict[type[DomainEvent], Handler] = {}
    for group in groups:
        overlap = set(merged) & set(group)
        assert not overlap, f"two handlers for {overlap}"
        merged.update(group)
    return merged
