"""The registry of published event types, their schema versions and upcasters.

Producers register their event classes here; consumers decode envelopes through it,
so both sides share one definition of every contract. An old schema version is
upcast step by step on read. An event type nobody registered decodes to `None`:
the consumer skips it with a metric instead of crashing (docs/architecture.md, invariant 5).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from shared.envelope import DomainEvent, Envelope

E = TypeVar("E", bound=type[DomainEvent])
Upcaster = Callable[[dict[str, Any]], dict[str, Any]]

SUBJECT_ROOT = "auszug"


@dataclass
class EventRegistry:
    _types: dict[str, type[DomainEvent]] = field(default_factory=dict)
    # (event_type, from_version) -> function producing the payload of from_version + 1
    _upcasters: dict[tuple[str, int], Upcaster] = field(default_factory=dict)

    def event(self, context: str, version: int = 1) -> Callable[[E], E]:
        """Class decorator: publish `cls` as an event of `context` at schema `version`."""

        def register(cls: E) -> E:
            name = cls.__name__
            if name in self._types and self._types[name] is not cls:
                raise ValueError(f"event type {name} is registered twice")
            cls.event_type = name
            cls.schema_version = version
            cls.context = context
            self._types[name] = cls
            return cls

        return register

    def upcaster(self, event_type: str, from_version: int) -> Callable[[Upcaster], Upcaster]:
        def register(fn: Upcaster) -> Upcaster:
            self._upcasters[(event_type, from_version)] = fn
            return fn

        return register

    def known(self, event_type: str) -> bool:
        return event_type in self._types

    def type_of(self, event_type: str) -> type[DomainEvent]:
        return self._types[event_type]

    def contexts(self) -> set[str]:
        return {cls.context for cls in self._types.values()}

    def subject(self, event_type: str) -> str:
        return subject_for(self._types[event_type].context, event_type)

    def decode(self, envelope: Envelope) -> DomainEvent | None:
        """The typed event inside `envelope`, upcast to the current schema; None if unknown."""
        cls = self._types.get(envelope.event_type)
        if cls is None:
            return None
        payload = envelope.payload
        version = envelope.schema_version
        while version < cls.schema_version:
            payload = self._upcasters[(envelope.event_type, version)](payload)
            version += 1
        return cls.model_validate({**payload, "occurred_at": envelope.occurred_at})


def subject_for(context: str, event_type: str) -> str:
    return f"{SUBJECT_ROOT}.{context}.{event_type}"
