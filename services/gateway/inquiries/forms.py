"""The inquiry inbox's two forms (record an inquiry, triage it): the typed fields to the
intake requests and the service's refusals back beside the fields (`page`).

Field names are the paths the validation errors name (`contact.email`), so an error lands
next to the field that caused it; every typed value is kept for the correction.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse

from services.gateway.web.submit import Refusal, filled
from services.gateway.web.templating import render
from shared.rpc import ErrorKind

BERLIN = ZoneInfo("Europe/Berlin")
RECEIVE_FIELDS = (
    "sender_kind",
    "channel",
    "received_at",
    "sender_name",
    "contact.phone",
    "contact.email",
    "text",
)
TRIAGE_FIELDS = ("outcome", "forwarded_to_kind", "forwarded_to", "household_id", "note")
# Refusals of the service that belong to one field rather than above the form.
RULES_AT_FIELD = {"unknown_household": "household_id"}
# A 403 of intake is not the form's to show: the error page says it.
SHOWN = (ErrorKind.rule, ErrorKind.conflict)


def local_moment(typed: str) -> str:
    """A `datetime-local` value is Berlin time; anything unreadable goes on unchanged, so
    the contract's check names the field."""
    try:
        moment = datetime.fromisoformat(typed)
    except ValueError:
        return typed
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=BERLIN)
    return moment.isoformat()


def receive_body(values: Mapping[str, str]) -> dict[str, Any]:
    """The body of `receive_inquiry`; empty optional fields are not sent."""
    body: dict[str, Any] = filled(values, "sender_kind", "channel", "sender_name")
    body["text"] = values.get("text", "")
    if values.get("received_at"):
        body["received_at"] = local_moment(values["received_at"])
    contact = {k: values[f"contact.{k}"] for k in ("phone", "email") if values.get(f"contact.{k}")}
    if contact:
        body["contact"] = contact
    return body


def triage_body(values: Mapping[str, str]) -> dict[str, Any]:
    """The body of `triage_inquiry` (the inquiry's id is the page's)."""
    return filled(values, *TRIAGE_FIELDS)


def page(
    request: Request, name: str, context: dict[str, Any], refusal: Refusal | None
) -> HTMLResponse:
    """The page `name` with the form's refusal: its messages and its status."""
    shown = refusal or Refusal(200)
    full = {"errors": shown.errors, "general": shown.general, **context}
    return render(request, name, full, status_code=shown.status)
