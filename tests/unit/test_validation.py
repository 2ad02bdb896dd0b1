"""Validation errors name the field and say in German what is wrong."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from services.gateway.web import i18n
from services.gateway.web.i18n import ENGLISH, translated
from shared import validation
from shared.contracts import inputs
from shared.contracts.intake import RegisterHousehold
from shared.contracts.placement.codes import Euros
from shared.validation import DAY, field_errors, parameterised


class RentFields(BaseModel):
    cold_rent: Euros


def test_errors_name_the_field_and_explain_in_german() -> None:
    try:
        RegisterHousehold.model_validate(
            {"provider": "x", "registered_on": "2020-02-30", "accommodation": {"kind": "tent"}}
        )
    except ValidationError as exc:
        errors = {e.field: e.message for e in field_errors(exc.errors())}
    else:
        raise AssertionError("expected a validation error")
    assert errors == {
        "provider": "Bitte mindestens 2 Zeichen eingeben.",
        "registered_on": DAY,
        "accommodation.kind": (
            "Bitte einen der vorgesehenen Werte wählen: 'shelter', 'city_rented_flat', "
            "'requisitioned_flat' oder 'assigned_flat'."
        ),
        "members": "Bitte ausfüllen.",
    }


def test_an_invalid_email_address_is_explained_in_german() -> None:
    try:
        RegisterHousehold.model_validate(
            {
                "provider": "caritas",
                "registered_on": "2020-01-01",
                "accommodation": {"kind": "shelter"},
                "members": [{"role": "head", "age_band": "27-64"}],
                "contact": {"email": "keine-adresse"},
            }
        )
    except ValidationError as exc:
        errors = {e.field: e.message for e in field_errors(exc.errors())}
    else:
        raise AssertionError("expected a validation error")
    assert errors == {
        "contact.email": "Bitte eine gültige E-Mail-Adresse eingeben, z. B. name@beispiel.de."
    }


def messages(model: type[BaseModel], body: dict[str, Any]) -> dict[str, str]:
    try:
        model.model_validate(body)
    except ValidationError as exc:
        return {e.field: e.message for e in field_errors(exc.errors())}
    raise AssertionError("expected a validation error")


HOUSEHOLD = {
    "provider": "caritas",
    "registered_on": "2025-01-01",
    "accommodation": {"kind": "shelter"},
    "members": [{"role": "head", "age_band": "27-64"}],
}


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        # A date says how to type it (the date field of a German browser shows TT.MM.JJJJ).
        (
            {"registered_on": "morgen"},
            "registered_on",
            DAY,
        ),
        # A pattern says what to type: a phone, a code from the list, a language.
        ({"contact": {"phone": "ruft an"}}, "contact.phone", "z. B. 0221 123456"),
        ({"provider": "Caritas Köln"}, "provider", "Bitte einen Eintrag aus der Liste wählen"),
        ({"languages": ["Arabisch"]}, "languages.0", "z. B. de oder ar"),
        # A list that needs one entry asks for one (not "Zu wenige Einträge (mindestens 1)").
        ({"members": []}, "members", "Bitte mindestens einen Eintrag wählen."),
        ({"provider": "c"}, "provider", "Bitte mindestens 2 Zeichen eingeben."),
    ],
)
def test_a_generic_message_says_what_to_type(
    change: dict[str, Any], field: str, message: str
) -> None:
    found = messages(RegisterHousehold, HOUSEHOLD | change)
    assert message in found[field]
    for technical in ("JJJJ-MM-TT", "Ungültiges Format", "Pflichtfeld fehlt", "Zu kurz"):
        assert technical not in found[field]


def test_an_amount_is_asked_for_with_a_decimal_comma_and_read_with_one() -> None:
    offer = {"cold_rent": "sechshundert"}
    found = messages(RentFields, offer)
    assert found["cold_rent"] == "Bitte einen Betrag eingeben, z. B. 650,50."
    assert RentFields.model_validate({"cold_rent": "650,50"}).cold_rent == Decimal("650.50")


def test_a_message_with_a_number_is_found_by_its_template() -> None:
    assert parameterised("Bitte mindestens 2 Zeichen eingeben.") == (
        "Bitte mindestens {min_length} Zeichen eingeben.",
        {"min_length": "2"},
    )
    assert parameterised("Bitte ausfüllen.") is None
    assert parameterised("Bitte mindestens 2 Zeichen eingeben. Und mehr.") is None


def test_every_message_of_the_mapping_has_its_english_entry() -> None:
    # The UI shows them through `|t`; one with a number through its template.
    token = i18n._current.set(ENGLISH)
    try:
        for message in {*validation._MESSAGES.values(), *validation._PATTERNS.values()}:
            assert translated(message) != message, message
        assert translated("Bitte mindestens 3 Zeichen eingeben.") == (
            "Please enter at least 3 characters."
        )
    finally:
        i18n._current.reset(token)


def test_the_date_rules_read_in_english_with_english_days() -> None:
    # The contracts' date rules fill in German days; an English page shows the template
    # translated and the days as English pages write them.
    token = i18n._current.set(ENGLISH)
    try:
        for template in inputs.DATE_RULES:
            assert translated(template) != template, template
        assert translated("Das Datum liegt vor dem 01.01.2000; bitte das Jahr prüfen.") == (
            "The date is before 1 Jan 2000; please check the year."
        )
        assert translated(
            "Das Geburtsdatum 31.12.9999 liegt in der Zukunft; bitte das Jahr prüfen."
        ) == ("The date of birth 31 Dec 9999 is in the future; please check the year.")
        assert translated("Bitte ein Datum zwischen 01.01.1900 und 31.12.2999 angeben.") == (
            "Please enter a date between 1 Jan 1900 and 31 Dec 2999."
        )
    finally:
        i18n._current.reset(token)
    assert translated("Das Datum liegt vor dem 01.01.2000; bitte das Jahr prüfen.") == (
        "Das Datum liegt vor dem 01.01.2000; bitte das Jahr prüfen."
    )
