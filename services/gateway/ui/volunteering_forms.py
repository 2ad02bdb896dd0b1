"""What every form of the volunteer pages shares: the typed values kept, the request checked
here first and then by the service, and any refusal turned into messages beside the fields.

A field's name in the form is the dotted path the validation error names (`consultations.0.
topic`), so an error lands next to the field that caused it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from fastapi import Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ValidationError

from services.gateway.deps import Rpc
from services.gateway.ui import labels_volunteer
from services.gateway.ui.templating import render
from shared.identity import Caller
from shared.rpc import ErrorKind, RemoteError
from shared.validation import FieldError, field_errors


@dataclass
class Refusal:
    """Why a form was not taken: messages per field, or one above the form; and its status."""

    status: int
    errors: dict[str, str] = field(default_factory=dict)
    general: str | None = None


def form_values(submitted: Mapping[str, str], names: Iterable[str]) -> dict[str, str]:
    """Every named field with what was typed (empty where nothing was)."""
    return defaultdict(str, {n: str(submitted.get(n, "")).strip() for n in names})


def filled(values: Mapping[str, str], *names: str) -> dict[str, str]:
    """The named fields that were filled in; an empty optional field is not sent at all."""
    return {n: values[n] for n in names if values.get(n)}


def by_field(errors: Iterable[FieldError]) -> dict[str, str]:
    """The first message for each field; `body.` (the command inside `{id, body}`) dropped."""
    result: dict[str, str] = {}
    for error in errors:
        result.setdefault(error.field.removeprefix("body."), error.message)
    return result


async def send(
    rpc: Rpc,
    name: str,
    model: type[BaseModel],
    body: Mapping[str, Any],
    caller: Caller,
    *,
    target: UUID | None = None,
) -> tuple[Any, Refusal | None]:
    """Check `body` against `model`, then call the volunteer service's `name` (on `target`).

    Returns the answer, or the refusal a form shows: 422 with field messages, 409/403 with
    the service's German reason. Anything else (404, 503 …) is raised for the error page.
    """
    try:
        command = model.model_validate(dict(body))
    except ValidationError as exc:
        return None, Refusal(422, by_field(field_errors(exc.errors())))
    payload: BaseModel | dict[str, Any] = command
    if target is not None:
        payload = {"id": str(target), "body": command.model_dump(mode="json")}
    try:
        return await rpc.call("volunteer", name, payload, caller), None
    except RemoteError as exc:
        error = exc.error
        if error.fields:
            return None, Refusal(422, by_field(error.fields))
        if error.kind in (ErrorKind.rule, ErrorKind.conflict):
            return None, Refusal(409, general=error.message)
        if error.kind is ErrorKind.forbidden:
            return None, Refusal(403, general=error.message)
        raise


def page(
    request: Request,
    name: str,
    context: dict[str, Any],
    refusal: Refusal | None = None,
) -> HTMLResponse:
    """The template `name` with the volunteer labels, and a refusal's messages and status."""
    shown = refusal or Refusal(200)
    full = {"lv": labels_volunteer, "errors": shown.errors, "general": shown.general, **context}
    return render(request, name, full, status_code=shown.status)
