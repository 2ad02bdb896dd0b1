"""The Wohnintegrationshilfe forms: which fields each has, the typed values kept for a
second try, the request body built from them, and errors put next to their field.

Field names are the dotted paths of the request models (`contact.name`), so an error from
pydantic or from the service lands next to the field that caused it. A group of
checkboxes (`findings`) posts one field per code (`findings.rent_arrears`), so the form
needs no multi-valued fields and keeps every tick when it comes back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from services.gateway.ui.i18n import N_
from shared.clock import today
from shared.validation import FieldError

MISSING = N_("Pflichtfeld fehlt.")


@dataclass(frozen=True)
class Field:
    """One input; `kind` is text, date, number, select, codes (checkboxes) or textarea."""

    name: str
    label: str
    kind: str = "text"
    options: Mapping[str, str] = field(default_factory=dict)
    # Marked as required; for a day the service would default (a visit's), also checked
    # here. A group of ticks is checked by the request model (`min_length`).
    required: bool = False
    today: bool = False
    hint: str = ""


def form_values(fields: Iterable[Field], submitted: Mapping[str, str] | None) -> dict[str, str]:
    """Every field with what was typed, or its default on a fresh form."""
    values: dict[str, str] = defaultdict(str)
    for f in fields:
        names = [f"{f.name}.{code}" for code in f.options] if f.kind == "codes" else [f.name]
        for name in names:
            if submitted is not None:
                values[name] = str(submitted.get(name, "")).strip()
            elif f.today:
                values[name] = today().isoformat()
    return values


def body(fields: Iterable[Field], values: Mapping[str, str]) -> dict[str, Any]:
    """The request body: empty fields left out, dotted names nested, ticks as a list."""
    result: dict[str, Any] = {}
    for f in fields:
        value: Any
        if f.kind == "codes":
            value = [code for code in f.options if values.get(f"{f.name}.{code}")]
        else:
            value = values.get(f.name) or None
            if value is None:
                continue
        *parents, last = f.name.split(".")
        target = result
        for part in parents:
            target = target.setdefault(part, {})
        target[last] = value
    return result


def missing(fields: Iterable[Field], values: Mapping[str, str]) -> list[FieldError]:
    """The fields the form requires that were left empty."""
    return [
        FieldError(field=f.name, message=MISSING)
        for f in fields
        if f.required and f.kind != "codes" and not values.get(f.name)
    ]


def errors_by_field(errors: Iterable[FieldError], fields: Iterable[Field]) -> dict[str, str]:
    """The first message for each field; the service's `body.` prefix dropped, and an error
    on one tick of a group (`findings.0`) or on a field the form lacks put on the nearest."""
    known = {f.name for f in fields}
    result: dict[str, str] = {}
    for error in errors:
        name = error.field.removeprefix("body.")
        while name not in known and "." in name:
            name = name.rsplit(".", 1)[0]
        result.setdefault(name if name in known else "", error.message)
    return result
