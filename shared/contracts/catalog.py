"""The one registry every producer registers its published events in."""

from shared.contracts.registry import EventRegistry

CONTRACTS = EventRegistry()
