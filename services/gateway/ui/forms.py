"""The register-household form: flat field names to the request model and back.

Field names are the dotted paths the validation errors name (`members.0.given_name`),
so an error lands next to the field that caused it, and every value typed is sent back
into the form when it has to be corrected.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from services.gateway.web import submit
from shared.validation import FieldError

MEMBER_ROWS = 6
MEMBER_FIELDS = ("role", "age_band", "given_name", "family_name", "birth_date")
TOP_FIELDS = (
    "provider",
    "registered_on",
    "accommodation.kind",
    "accommodation.site",
    "contact.phone",
    "contact.email",
    "note",
)


def form_values(submitted: Mapping[str, str]) -> dict[str, str]:
    """Every field of the form with what was typed (empty where nothing was)."""
    names = [*TOP_FIELDS]
    for i in range(MEMBER_ROWS):
        names += [f"members.{i}.{f}" for f in MEMBER_FIELDS]
    return submit.form_values(submitted, names)


def registration_body(values: Mapping[str, str]) -> tuple[dict[str, Any], list[int]]:
    """The JSON body of `POST /api/households` (empty optional fields left out), and for
    each member sent the form row it came from (empty rows in between are skipped)."""

    def some(name: str) -> str | None:
        return values.get(name) or None

    members, rows = [], []
    for i in range(MEMBER_ROWS):
        row = {f: some(f"members.{i}.{f}") for f in MEMBER_FIELDS}
        if any(row.values()):
            members.append({k: v for k, v in row.items() if v is not None})
            rows.append(i)
    body: dict[str, Any] = {
        "provider": values.get("provider", ""),
        "registered_on": some("registered_on"),
        "accommodation": {"kind": some("accommodation.kind")},
        "members": members,
    }
    if some("accommodation.site"):
        body["accommodation"]["site"] = some("accommodation.site")
    if some("contact.phone") or some("contact.email"):
        contact = {"phone": some("contact.phone"), "email": some("contact.email")}
        body["contact"] = {k: v for k, v in contact.items() if v}
    if some("note"):
        body["note"] = some("note")
    return body, rows


def errors_by_field(errors: Iterable[FieldError], rows: list[int]) -> dict[str, str]:
    """The first message for each form field, member errors on the row they came from."""
    return submit.by_field(errors, rows=("members", rows))
