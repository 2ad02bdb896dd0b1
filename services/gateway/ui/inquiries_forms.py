"""The inquiry inbox's two forms (record an inquiry, triage it): the typed fields to the
intake requests and the service's refusals back beside the fields.

Field names are the paths the validation errors name (`contact.email`), so an error lands
next to the field that caused it; every typed value is kept for the correction.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ValidationError

from services.gateway.deps import Rpc
from services.gateway.ui.volunteering_forms import Refusal, by_field, filled
from shared.identity import Caller
from shared.rpc import ErrorKind, RemoteError
from shared.validation import field_errors

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
    """The body of `triage_inquiry` without the inquiry's id."""
    return filled(values, *TRIAGE_FIELDS)


async def send(
    rpc: Rpc,
    name: str,
    model: type[BaseModel],
    body: Mapping[str, Any],
    caller: Caller,
    *,
    inquiry_id: UUID | None = None,
) -> tuple[Any, Refusal | None]:
    """Check `body` against `model`, then call intake's `name` (for `inquiry_id`).

    Returns the answer, or the refusal the form shows (422 at the fields, 409 with the
    service's reason); anything else is raised for the error page.
    """
    try:
        command = model.model_validate(dict(body))
    except ValidationError as exc:
        return None, Refusal(422, by_field(field_errors(exc.errors())))
    payload: BaseModel | dict[str, Any] = command
    if inquiry_id is not None:
        payload = {**command.model_dump(mode="json"), "inquiry_id": str(inquiry_id)}
    try:
        return await rpc.call("intake", name, payload, caller), None
    except RemoteError as exc:
        error = exc.error
        if error.fields:
            return None, Refusal(422, by_field(error.fields))
        if error.kind in (ErrorKind.rule, ErrorKind.conflict):
            if error.code in RULES_AT_FIELD:
                return None, Refusal(409, {RULES_AT_FIELD[error.code]: error.message})
            return None, Refusal(409, general=error.message)
        raise
