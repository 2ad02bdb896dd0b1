"""Intake's published contracts: version 2 of HouseholdRegistered reads version 1, no event
carries personal data, and requests name the field that is wrong."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from uuid import uuid4

import pytest
from pydantic import BaseModel, ValidationError

from shared.contracts import CONTRACTS, intake
from shared.contracts.intake import (
    AccommodationKind,
    HouseholdRegistered,
    RegisterHousehold,
    ResidenceOutlook,
)
from shared.envelope import DomainEvent, Envelope

PERSONAL = {
    "given_name",
    "family_name",
    "birth_date",
    "phone",
    "email",
    "note",
    "contact",
    "text",
    "sender_name",
    "purpose",
    "given_by",
    "site",
    "accommodation_site",
}


def envelope(event_type: str, payload: dict[str, Any], version: int) -> Envelope:
    return Envelope(
        event_id=uuid4(),
        event_type=event_type,
        schema_version=version,
        stream_id="household:koeln:x",
        stream_version=1,
        municipality="koeln",
        provider="caritas",
        actor="test",
        correlation_id=uuid4(),
        causation_id=None,
        occurred_at=datetime(2019, 12, 30, 23, tzinfo=UTC),
        recorded_at=datetime(2020, 1, 2, tzinfo=UTC),
        payload=payload,
    )


def intake_events() -> list[type[DomainEvent]]:
    return [
        cls
        for cls in vars(intake).values()
        if isinstance(cls, type) and issubclass(cls, DomainEvent) and cls is not DomainEvent
    ]


def test_household_registered_is_at_version_2() -> None:
    assert HouseholdRegistered.schema_version == 2


def test_a_version_1_registration_is_upcast_as_not_recorded() -> None:
    household_id = uuid4()
    v1 = {
        "household_id": str(household_id),
        "provider": "caritas",
        "adults": 2,
        "minors": 1,
        "accommodation_kind": "shelter",
    }
    decoded = CONTRACTS.decode(envelope("HouseholdRegistered", v1, version=1))
    assert decoded == HouseholdRegistered(
        household_id=household_id,
        provider="caritas",
        adults=2,
        minors=1,
        accommodation_kind=AccommodationKind.shelter,
        wbs=False,
        wbs_valid_until=None,
        residence_outlook=ResidenceOutlook.unknown,
        languages=(),
        consent_given=False,
        occurred_at=datetime(2019, 12, 30, 23, tzinfo=UTC),
    )


def test_a_version_2_registration_round_trips() -> None:
    event = HouseholdRegistered(
        household_id=uuid4(),
        provider="drk",
        adults=1,
        minors=0,
        accommodation_kind=AccommodationKind.assigned_flat,
        wbs=True,
        wbs_valid_until=date(2026, 3, 31),
        residence_outlook=ResidenceOutlook.permanent,
        languages=("ti", "en"),
        consent_given=True,
        occurred_at=datetime(2025, 1, 1, tzinfo=UTC),
    )
    wire = Envelope.model_validate_json(
        envelope("HouseholdRegistered", event.payload(), version=2)
        .model_copy(update={"occurred_at": event.occurred_at})
        .model_dump_json()
    )
    assert CONTRACTS.decode(wire) == event


def test_every_intake_event_is_registered_under_the_intake_subject() -> None:
    events = intake_events()
    assert len(events) == 25  # 21 + the four of a written follow-up
    for cls in events:
        assert CONTRACTS.subject(cls.event_type) == f"auszug.intake.{cls.__name__}"


@pytest.mark.parametrize("cls", intake_events(), ids=lambda c: c.__name__)
def test_no_intake_event_has_a_personal_data_field(cls: type[DomainEvent]) -> None:
    assert not PERSONAL & set(cls.model_fields)


def fields(model: type[BaseModel], data: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return {".".join(map(str, e["loc"])): e["msg"] for e in caught.value.errors()}


def registration(**extra: Any) -> dict[str, Any]:
    return {
        "provider": "caritas",
        "registered_on": "2025-01-01",
        "accommodation": {"kind": "shelter"},
        "members": [{"role": "head", "age_band": "27-64"}],
        **extra,
    }


def test_a_wbs_date_needs_a_wbs() -> None:
    assert (
        "nur, wenn ein WBS vorhanden ist"
        in fields(RegisterHousehold, registration(wbs_valid_until="2026-01-01"))["wbs_valid_until"]
    )


def test_a_consent_cannot_be_withdrawn_before_it_was_given() -> None:
    consent = {"purpose": "Vermittlung", "given_on": "2025-01-02", "given_by": "Frau A."}
    errors = fields(
        RegisterHousehold, registration(consent={**consent, "withdrawn_on": "2025-01-01"})
    )
    assert "vor der Einwilligung" in errors["consent.withdrawn_on"]


def test_languages_are_codes_and_listed_once() -> None:
    assert "languages.0" in fields(RegisterHousehold, registration(languages=["Arabisch"]))
    request = RegisterHousehold.model_validate(registration(languages=["ar", "de", "ar"]))
    assert request.languages == ["ar", "de"]


def test_the_head_rule_names_the_members_field() -> None:
    errors = fields(RegisterHousehold, registration(members=[{"role": "child", "age_band": "0-5"}]))
    assert "Haushaltsvorstand" in errors["members"]


def test_a_composition_change_names_what_is_missing() -> None:
    base = {"household_id": str(uuid4()), "changed_on": "2025-01-01"}
    assert (
        "neuen Personen" in fields(intake.ChangeComposition, {**base, "change": "birth"})["joining"]
    )
    assert (
        "wer wegzieht"
        in fields(intake.ChangeComposition, {**base, "change": "moved_away"})["leaving"]
    )
    head = [{"role": "head", "age_band": "27-64"}]
    assert (
        "Haushaltsvorstand"
        in fields(intake.ChangeComposition, {**base, "change": "joined", "joining": head})[
            "joining"
        ]
    )
    twice = [str(uuid4())] * 2
    assert (
        "nur einmal"
        in fields(intake.ChangeComposition, {**base, "change": "moved_away", "leaving": twice})[
            "leaving"
        ]
    )


def test_an_assessment_rates_every_criterion() -> None:
    errors = fields(
        intake.AssessHousingReadinessBody,
        {"assessed_on": "2025-01-01", "criteria": {"rent_payment": "met"}, "result": "ready"},
    )
    assert "tenancy_knowledge" in errors["criteria"]


def test_a_triage_carries_exactly_what_its_outcome_needs() -> None:
    forwarded = fields(intake.TriageInquiryBody, {"outcome": "forwarded"})
    assert set(forwarded) == {"forwarded_to_kind", "forwarded_to"}
    case = fields(intake.TriageInquiryBody, {"outcome": "opened_as_case"})
    assert "household_id" in case
    answered = fields(
        intake.TriageInquiryBody, {"outcome": "answered", "household_id": str(uuid4())}
    )
    assert "Nur bei Eröffnung" in answered["household_id"]


def test_an_inquiry_needs_its_text_and_an_aware_time() -> None:
    errors = fields(
        intake.ReceiveInquiry,
        {"sender_kind": "resident", "channel": "phone", "received_at": "2025-01-01T10:00:00"},
    )
    assert set(errors) == {"received_at", "text"}
