"""The SQL event store and its transactional outbox."""

from shared.eventstore.schema import events, outbox, processed_events
from shared.eventstore.store import ConcurrencyConflict, EventStore, RecordedEvent

__all__ = [
    "ConcurrencyConflict",
    "EventStore",
    "RecordedEvent",
    "events",
    "outbox",
    "processed_events",
]
