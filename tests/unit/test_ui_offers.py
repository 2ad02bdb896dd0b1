"""The offers pages' form parsing: German amounts, ticked boxes, nested fields, and errors
landing on the field the form shows."""

from __future__ import annotations

from decimal import Decimal
from uuid import uuid4

import pytest
from pydantic import ValidationError

from services.gateway.placement.forms import (
    LANDLORD_FIELDS,
    OFFER_FIELDS,
    OFFER_FLAGS,
    decimal_text,
    district_code,
    landlord_body,
    offer_body,
)
from services.gateway.web.submit import by_field as errors_by_field
from services.gateway.web.submit import form_values
from shared.contracts import placement as c
from shared.validation import FieldError, field_errors


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        ("2,5", "2.5"),
        ("1.234,50 €", "1234.50"),
        ("650.50", "650.50"),
        ("€1,234.50", "1234.50"),
        ("65 m²", "65"),
        ("zwei", "zwei"),
    ],
)
def test_amounts_typed_the_german_way_are_sent_as_numbers(typed: str, sent: str) -> None:
    assert decimal_text(typed) == sent


@pytest.mark.parametrize(
    ("typed", "code"),
    [("ehrenfeld", "ehrenfeld"), ("Mülheim", "muelheim"), (" Neustadt  Nord ", "neustadt-nord")],
)
def test_a_district_is_sent_as_its_code(typed: str, code: str) -> None:
    assert district_code(typed) == code


def test_a_filled_offer_form_becomes_a_valid_receive_offer() -> None:
    landlord_id = uuid4()
    submitted = {
        "landlord_id": str(landlord_id),
        "district": " Ehrenfeld ",
        "rooms": "2,5",
        "size_m2": "65",
        "cold_rent": "500",
        "running_costs": "120,50",
        "available_from": "2025-06-01",
        "wbs_required": "false",
        "refugee_quota": "on",
        "source": "housing_company_quota",
        "street_address": "",
    }
    offer = c.ReceiveOffer.model_validate(
        offer_body(form_values(submitted, OFFER_FIELDS, OFFER_FLAGS))
    )
    assert offer.landlord_id == landlord_id
    assert offer.district == "ehrenfeld"
    assert (offer.rooms, offer.running_costs) == (Decimal("2.5"), Decimal("120.50"))
    assert offer.refugee_quota and not offer.accessible and not offer.wbs_required
    assert offer.street_address is None  # empty fields are left out, not sent as ""


def test_an_unanswered_wbs_question_is_missing_not_no() -> None:
    values = form_values({"rooms": "2"}, OFFER_FIELDS, OFFER_FLAGS)
    with pytest.raises(ValidationError) as caught:
        c.ReceiveOffer.model_validate(offer_body(values))
    errors = errors_by_field(field_errors(caught.value.errors()), OFFER_FIELDS + OFFER_FLAGS)
    assert errors["wbs_required"] == "Bitte ausfüllen."
    assert "rooms" not in errors


def test_the_contact_person_is_nested_only_when_typed() -> None:
    bare = landlord_body(form_values({"name": "GAG", "kind": "private"}, LANDLORD_FIELDS))
    assert "contact_person" not in bare
    assert bare["cooperation_agreement"] is False
    values = form_values(
        {"name": "GAG", "contact_person.name": "Frau B", "cooperation_agreement": "on"},
        LANDLORD_FIELDS,
        ("cooperation_agreement",),
    )
    body = landlord_body(values)
    assert body["contact_person"] == {"name": "Frau B"}
    assert body["cooperation_agreement"] is True


def test_errors_land_on_the_nearest_field_the_form_shows() -> None:
    errors = [
        FieldError(field="body.moved_on", message="a"),
        FieldError(field="household_ids.0", message="b"),
        FieldError(field="contact_person.email", message="c"),
        FieldError(field="(Eingabe)", message="d"),
        FieldError(field="moved_on", message="second for the same field"),
    ]
    fields = ("moved_on", "household_ids", "contact_person.email")
    assert errors_by_field(errors, fields) == {
        "moved_on": "a",
        "household_ids": "b",
        "contact_person.email": "c",
        "": "d",
    }
