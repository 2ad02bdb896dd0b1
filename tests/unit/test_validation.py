"""Validation errors name the field and say in German what is wrong."""

from __future__ import annotations

from pydantic import ValidationError

from shared.contracts.intake import RegisterHousehold
from shared.validation import field_errors


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
        "provider": "Zu kurz (mindestens 2 Zeichen).",
        "registered_on": "Ungültiges Datum (erwartet JJJJ-MM-TT).",
        "accommodation.kind": (
            "Ungültiger Wert; erlaubt: 'shelter', 'city_rented_flat', 'requisitioned_flat' "
            "or 'assigned_flat'."
        ),
        "members": "Pflichtfeld fehlt.",
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
    assert errors == {"contact.email": "Ungültige E-Mail-Adresse."}
