"""Volunteer's contracts: subjects, no personal data in any event, German field errors."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from shared.contracts import CONTRACTS
from shared.contracts import volunteer as c
from shared.envelope import DomainEvent
from shared.validation import field_errors

EVENTS = [
    cls
    for cls in vars(c).values()
    if isinstance(cls, type) and issubclass(cls, DomainEvent) and cls is not DomainEvent
]


def errors(model: type[BaseModel], body: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(ValidationError) as raised:
        model.model_validate(body)
    return {e.field: e.message for e in field_errors(raised.value.errors())}


def test_every_volunteer_event_is_published_under_the_volunteer_subject() -> None:
    assert len(EVENTS) == 16
    for cls in EVENTS:
        assert CONTRACTS.subject(cls.__name__) == f"auszug.volunteer.{cls.__name__}"


def test_no_event_has_a_field_for_personal_data() -> None:
    personal = {"given_name", "family_name", "name", "birth_date", "phone", "email", "user_id"}
    for cls in EVENTS:
        assert not personal & set(cls.model_fields), cls.__name__


def test_a_volunteer_registration_names_each_invalid_field_in_german() -> None:
    found = errors(
        c.RegisterVolunteer,
        {"provider": "Caritas!", "user_id": "", "given_name": "", "languages": ["deutsch"]},
    )
    assert found == {
        "provider": (
            "Bitte einen Eintrag aus der Liste wählen (ein Kürzel in Kleinbuchstaben ohne "
            "Leerzeichen, z. B. caritas)."
        ),
        "user_id": "Bitte mindestens 2 Zeichen eingeben.",
        "given_name": "Bitte ausfüllen.",
        "family_name": "Bitte ausfüllen.",
        "languages.0": (
            "Bitte ein Sprachkürzel aus zwei oder drei Buchstaben eingeben, z. B. de oder ar."
        ),
    }


def test_a_consultation_needs_channel_visitor_topic_and_a_sensible_duration() -> None:
    found = errors(
        c.RecordConsultation,
        {"provider": "drk", "channel": "fax", "topic": "application", "duration_minutes": 0},
    )
    assert set(found) == {"channel", "visitor", "duration_minutes"}
    assert found["duration_minutes"] == "Bitte mindestens 5 eingeben."
    assert found["channel"].startswith("Bitte einen der vorgesehenen Werte wählen:")


def test_the_quick_entry_needs_consultations_each_with_its_own_id() -> None:
    assert errors(c.RecordOfficeHourConsultations, {"consultations": []}) == {
        "consultations": "Bitte mindestens einen Eintrag wählen."
    }
    item: dict[str, Any] = {"consultation_id": "00000000-0000-4000-8000-000000000001"}
    item |= {"visitor": "tandem", "topic": "wbs", "duration_minutes": 15}
    found = errors(c.RecordOfficeHourConsultations, {"consultations": [item, item]})
    assert found == {"consultations": "Jede Beratung braucht eine eigene Kennung."}


def test_an_office_hour_consultation_is_in_person_unless_said_otherwise() -> None:
    item = c.OfficeHourConsultation(
        visitor=c.Visitor.refugee_alone, topic="wbs", duration_minutes=10
    )
    assert item.channel is c.ConsultationChannel.in_person


def test_a_workshop_needs_a_site_and_a_known_topic() -> None:
    found = errors(
        c.HoldWorkshop,
        {"provider": "stadt", "topic": "cooking", "site": "", "duration_minutes": 90},
    )
    assert set(found) == {"topic", "site"}
