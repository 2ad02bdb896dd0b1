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

from services.gateway.web import submit
from services.gateway.web.i18n import N_
from shared.clock import today
from shared.validation import FieldError

MISSING = N_("Bitte ausfüllen.")


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


def names(fields: Iterable[Field]) -> list[str]:
    """The names the fields post: one per tick of a group, one for any other field."""
    return [
        name
        for f in fields
        for name in ([f"{f.name}.{code}" for code in f.options] if f.kind == "codes" else [f.name])
    ]


def form_values(fields: Iterable[Field], submitted: Mapping[str, str] | None) -> dict[str, str]:
    """Every field with what was typed, or its default on a fresh form."""
    fields = list(fields)
    if submitted is not None:
        return submit.form_values(submitted, names(fields))
    return defaultdict(str, {n: today().isoformat() for n in names(f for f in fields if f.today)})


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
    """The first message for each field; an error on one tick of a group (`findings.0`) or
    on a field the form lacks put on the nearest (see submit.by_field)."""
    return submit.by_field(errors, [f.name for f in fields])
