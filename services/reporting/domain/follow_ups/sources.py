"""The source modules whose signals the follow-up projection applies, one per context."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from services.reporting.domain.follow_ups import Signal, intake, placement, prevention
from shared.envelope import DomainEvent

# signals(event, municipality, provider of the envelope) -> what it opens and closes
Source = Callable[[DomainEvent, str, str | None], Sequence[Signal]]

SOURCES: tuple[Source, ...] = (
    placement.signals,
    intake.signals,
    prevention.signals,
)
