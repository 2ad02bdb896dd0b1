"""The contract registry: subjects, round trips, upcasting and unknown types."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from uuid import uuid4

import pytest
from pydantic import ValidationError

from shared.clock import business_time
from shared.contracts import CONTRACTS
from shared.contracts.intake import AccommodationKind, HouseholdRegistered, RegisterHousehold
from shared.contracts.registry import EventRegistry
from shared.envelope import DomainEvent, Envelope


def envelope(event_type: str, payload: dict[str, Any], version: int = 1) -> Envelope:
    return Envelope(
        event_id=uuid4(),
        event_type=event_type,
        schema_version=version,
        stream_id="s",
        stream_version=1,
        municipality="koeln",
        provider=None,
        actor="test",
        correlation_id=uuid4(),
        causation_id=None,
        occurred_at=datetime(2020, 1, 1, tzinfo=UTC),
        recorded_at=datetime(2020, 1, 2, tzinfo=UTC),
        payload=payload,
    )


def test_event_subjects_follow_context_and_type() -> None:
    assert CONTRACTS.subject("HouseholdRegistered") == "auszug.intake.HouseholdRegistered"


def test_an_event_survives_the_envelope_round_trip() -> None:
    event = HouseholdRegistered(
        household_id=uuid4(),
        provider="drk",
        adults=1,
        minors=2,
        accommodation_kind=AccommodationKind.city_rented_flat,
        occurred_at=business_time(date(2021, 3, 4)),
    )
    wire = envelope("HouseholdRegistered", event.payload()).model_copy(
        update={"occurred_at": event.occurred_at}
    )
    decoded = CONTRACTS.decode(Envelope.model_validate_json(wire.model_dump_json()))
    assert decoded == event


def test_an_unknown_event_type_decodes_to_none() -> None:
    assert CONTRACTS.decode(envelope("SomethingNew", {})) is None


def test_old_schema_versions_are_upcast_on_read() -> None:
    registry = EventRegistry()

    @registry.event("demo", version=3)
    class Counted(DomainEvent):
        persons: int
        source: str

    registry.upcaster("Counted", 1)(lambda p: {"persons": p["people"]})
    registry.upcaster("Counted", 2)(lambda p: {**p, "source": "unknown"})

    decoded = registry.decode(envelope("Counted", {"people": 4}, version=1))
    assert decoded == Counted(
        persons=4, source="unknown", occurred_at=datetime(2020, 1, 1, tzinfo=UTC)
    )


def test_personal_data_fields_never_reach_the_event_schema() -> None:
    personal = {"given_name", "family_name", "birth_date", "phone", "email", "note", "contact"}
    assert not personal & set(HouseholdRegistered.model_fields)


def test_a_household_needs_exactly_one_head() -> None:
    with pytest.raises(ValidationError, match="genau einen Haushaltsvorstand"):
        RegisterHousehold.model_validate(
            {
                "provider": "caritas",
                "registered_on": "2020-01-01",
                "accommodation": {"kind": "shelter"},
                "members": [{"role": "child", "age_band": "0-5"}],
            }
        )
