"""The office hour's quick entry: typed rows to one request, and errors back on their row."""

from __future__ import annotations

from services.gateway.volunteer import consultation_rows as rows
from services.gateway.web.submit import by_field, filled, form_values
from shared.validation import FieldError


def typed(**fields: str) -> dict[str, str]:
    names = rows.field_names(rows.ROWS)
    return form_values({k.replace("__", "."): v for k, v in fields.items()}, names)


def test_empty_rows_are_skipped_and_each_item_remembers_its_row() -> None:
    values = typed(
        provider="caritas",
        held_on="2025-03-05",
        duration_minutes="120",
        consultations__0__channel="in_person",  # a default choice alone is no row
        consultations__1__visitor="tandem",
        consultations__1__channel="phone",
        consultations__4__topic="wbs",
    )
    body, sent_from = rows.hold_body(values, rows.ROWS)
    assert sent_from == [1, 4]
    assert body["consultations"] == [{"channel": "phone", "visitor": "tandem"}, {"topic": "wbs"}]
    assert (body["provider"], body["held_on"], body["duration_minutes"]) == (
        "caritas",
        "2025-03-05",
        "120",
    )


def test_an_error_of_the_second_item_sent_lands_on_the_row_it_was_typed_in() -> None:
    errors = {
        "consultations.1.duration_minutes": "Ganze Zahl erwartet.",
        "consultations": "Jede Beratung braucht eine eigene Kennung.",
        "held_on": "Ungültiges Datum.",
    }
    assert rows.on_rows(errors, [1, 4]) == {
        "consultations.4.duration_minutes": "Ganze Zahl erwartet.",
        "consultations": "Jede Beratung braucht eine eigene Kennung.",
        "held_on": "Ungültiges Datum.",
    }


def test_the_row_count_stays_between_the_default_and_the_maximum() -> None:
    assert rows.row_count(None) == rows.ROWS
    assert rows.row_count("zwölf") == rows.ROWS
    assert rows.row_count("2") == rows.ROWS
    assert rows.row_count("12") == 12
    assert rows.row_count(999) == rows.MAX_ROWS


def test_a_commands_errors_name_the_field_without_the_body_around_it() -> None:
    errors = [
        FieldError(field="body.step", message="Pflichtfeld fehlt."),
        FieldError(field="body.step", message="zweite Meldung"),
        FieldError(field="provider", message="Zu kurz."),
    ]
    assert by_field(errors) == {"step": "Pflichtfeld fehlt.", "provider": "Zu kurz."}


def test_only_filled_fields_are_sent() -> None:
    values = form_values({"a": " x ", "b": ""}, ("a", "b", "c"))
    assert filled(values, "a", "b", "c") == {"a": "x"}
