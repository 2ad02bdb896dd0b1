"""The rules form: the municipality's placement rules as form fields and back.

One row per household size (`rent_<n>`, `size_<n>` for n persons); a row with neither
field filled has no guideline value (the rent check then says "unclear"). Amounts may be
typed the German way (`1.234,50 €`, see forms.decimal_text). Placement replaces
the rules as a whole, so every row is sent each time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from services.gateway.placement.formats import amount_input, number
from services.gateway.placement.forms import decimal_text
from shared.contracts import placement as c
from shared.validation import FieldError

RULE_FIELDS = (
    "extra_person_rent",
    "extra_person_m2",
)
MOST_PERSONS = 20  # placement keeps at most 20 guideline values
FEWEST_ROWS = 6


def row_count(persons: Iterable[int]) -> int:
    """At least six rows, and one more than the largest size with a value (room to add)."""
    return min(MOST_PERSONS, max([FEWEST_ROWS - 1, *persons]) + 1)


def rules_values(rules: c.PlacementRules) -> tuple[dict[str, str], int]:
    """The form's fields filled from the rules in force, and how many rows it shows."""
    values: dict[str, str] = defaultdict(str)
    values["extra_person_rent"] = amount_input(rules.extra_person_rent)
    values["extra_person_m2"] = (
        number(rules.extra_person_m2) if rules.extra_person_m2 is not None else ""
    )
    for limit in rules.rent_limits:
        values[f"rent_{limit.persons}"] = amount_input(limit.max_gross_cold_rent)
        if limit.max_size_m2 is not None:
            values[f"size_{limit.persons}"] = number(limit.max_size_m2)
    return values, row_count(limit.persons for limit in rules.rent_limits)


def submitted_values(submitted: Mapping[str, str]) -> tuple[dict[str, str], int]:
    """What was typed, every field kept, and how many rows to show it in again."""
    values: dict[str, str] = defaultdict(str)
    filled: list[int] = []
    for name in RULE_FIELDS:
        values[name] = str(submitted.get(name, "")).strip()
    for persons in range(1, MOST_PERSONS + 1):
        for prefix in ("rent", "size"):
            typed = str(submitted.get(f"{prefix}_{persons}", "")).strip()
            values[f"{prefix}_{persons}"] = typed
            if typed:
                filled.append(persons)
    return values, row_count(filled)


def rules_body(values: Mapping[str, str]) -> tuple[dict[str, Any], list[int]]:
    """The body of `PlacementRules`, and the household size of each rent limit sent (to
    put an error of `rent_limits.<i>` back on its row)."""
    body: dict[str, Any] = {}
    for name in RULE_FIELDS:
        if values.get(name):
            typed = values[name]
            body[name] = decimal_text(typed) if name.startswith("extra") else typed
    limits: list[dict[str, Any]] = []
    persons_at: list[int] = []
    for persons in range(1, MOST_PERSONS + 1):
        rent, size = values.get(f"rent_{persons}", ""), values.get(f"size_{persons}", "")
        if not rent and not size:
            continue
        limit: dict[str, Any] = {"persons": persons}
        if rent:
            limit["max_gross_cold_rent"] = decimal_text(rent)
        if size:
            limit["max_size_m2"] = decimal_text(size)
        limits.append(limit)
        persons_at.append(persons)
    body["rent_limits"] = limits
    return body, persons_at


_ROW_FIELDS = {"max_gross_cold_rent": "rent", "max_size_m2": "size"}


def rule_errors(errors: Iterable[FieldError], persons_at: list[int]) -> dict[str, str]:
    """The first message per form field; one the form cannot place lands on "" (shown
    above the form)."""
    result: dict[str, str] = {}
    for error in errors:
        parts = error.field.removeprefix("body.").split(".")
        field = ""
        if parts[0] in RULE_FIELDS:
            field = parts[0]
        elif parts[0] == "rent_limits" and len(parts) >= 3 and parts[1].isdigit():
            index = int(parts[1])
            prefix = _ROW_FIELDS.get(parts[2])
            if prefix and index < len(persons_at):
                field = f"{prefix}_{persons_at[index]}"
        result.setdefault(field, error.message)
    return result
