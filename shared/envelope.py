"""The event envelope (docs/architecture.md, invariant 5) and the base class of every domain event.

A domain event is a small pydantic model of ids, counts, codes and dates; its
business time travels in `occurred_at`. The envelope adds what the backbone needs:
identity, stream position, tenant, who did it and why, and when the system learned it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict


class DomainEvent(BaseModel):
    """Base of all domain events. Subclasses are named in the past tense, without suffix."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # Set by the contract registry when the class is registered.
    event_type: ClassVar[str]
    schema_version: ClassVar[int]
    context: ClassVar[str]

    occurred_at: AwareDatetime

    def payload(self) -> dict[str, Any]:
        """The event's own fields, without the business time the envelope carries."""
        return self.model_dump(mode="json", exclude={"occurred_at"})


class Envelope(BaseModel):
    """An event as stored and as sent over the wire."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    event_id: UUID
    event_type: str
    schema_version: int
    stream_id: str
    stream_version: int
    municipality: str
    provider: str | None
    actor: str
    correlation_id: UUID
    causation_id: UUID | None
    occurred_at: AwareDatetime
    recorded_at: AwareDatetime
    payload: dict[str, Any]


class CommandContext(BaseModel):
    """Who asks for a change, for which tenant, and in answer to what."""

    model_config = ConfigDict(frozen=True)

    actor: str
    municipality: str
    correlation_id: UUID
    causation_id: UUID | None = None
    recorded_at: datetime | None = None

    @classmethod
    def caused_by(cls, envelope: Envelope, actor: str) -> CommandContext:
        """The context of a policy's command: in answer to `envelope`, same tenant and
        correlation, written by the reacting service (`actor`)."""
        return cls(
            actor=actor,
            municipality=envelope.municipality,
            correlation_id=envelope.correlation_id,
            causation_id=envelope.event_id,
        )
