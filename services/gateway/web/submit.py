"""How every form of the staff UI is sent: the typed values kept, the request checked by its
contract model here, then by the service, and a refusal turned into what the form shows.

A form's field names are the dotted paths the validation errors name (`contact.email`),
so an error lands next to the field that caused it. 422: messages at the fields; 409 (and
403/404 where the area shows them at the form): the service's German reason above the
form, or at one field where the area names the rule's code in `rules_at_field`. Anything
else (503, …) is raised for the error page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ValidationError

from services.gateway.errors import STATUS
from shared.contracts.operation import Operation, R
from shared.identity import Caller
from shared.rpc import ErrorKind, RemoteError, RpcClient
from shared.validation import FieldError, field_errors

CHECKED = "on"
SHOWN = (ErrorKind.rule, ErrorKind.conflict, ErrorKind.forbidden)
# A list of rows in a form: its name, and for each item sent the form row it came from.
Rows = tuple[str, Sequence[int]]


@dataclass
class Refusal:
    """Why a form was not taken: messages per field ("" for none in particular), or the
    service's reason above the form; and the page's status."""

    status: int
    errors: dict[str, str] = field(default_factory=dict)
    general: str | None = None


def form_values(
    submitted: Mapping[str, str], names: Iterable[str], flags: Iterable[str] = ()
) -> dict[str, str]:
    """Every named field with what was typed (empty where nothing was); a ticked box "on"."""
    values = {n: str(submitted.get(n, "")).strip() for n in names}
    values.update({n: CHECKED if submitted.get(n) else "" for n in flags})
    return defaultdict(str, values)


def filled(values: Mapping[str, str], *names: str) -> dict[str, str]:
    """The named fields that were filled in; an empty optional field is not sent at all."""
    return {n: values[n] for n in names if values.get(n)}


def by_field(
    errors: Iterable[FieldError], known: Iterable[str] | None = None, *, rows: Rows | None = None
) -> dict[str, str]:
    """The first message for each field. The RPC envelope's `body.` is dropped. With `known`
    (the form's fields) an error on a part the form lacks (`findings.0`) lands on the
    nearest field it has, or on "" above the form. With `rows`, an error on an item of the
    list lands on the form row the item came from, one on the list or a whole item on the
    list's name."""
    names = None if known is None else set(known)
    result: dict[str, str] = {}
    for error in errors:
        name = error.field.removeprefix("body.")
        if rows is not None:
            name = _on_row(name, rows)
        if names is not None:
            while name not in names and "." in name:
                name = name.rsplit(".", 1)[0]
            name = name if name in names else ""
        result.setdefault(name, error.message)
    return result


def _on_row(name: str, rows: Rows) -> str:
    listed, sent = rows
    parts = name.split(".")
    if parts[0] != listed:
        return name
    if len(parts) < 3:
        return listed
    if parts[1].isdigit():
        index = int(parts[1])
        parts[1] = str(sent[index] if index < len(sent) else index)
    return ".".join(parts)


async def send_form(
    rpc: RpcClient,
    op: Operation[Any, R],
    body: Mapping[str, Any],
    caller: Caller,
    *,
    on: UUID | None = None,
    beside: Mapping[str, Any] | None = None,
    rules_at_field: Mapping[str, str] | None = None,
    known: Iterable[str] | None = None,
    rows: Rows | None = None,
    problems: Sequence[FieldError] = (),
    shown: Collection[ErrorKind] = SHOWN,
) -> tuple[R | None, Refusal | None]:
    """Check `body` as `op`'s command (with the form's own `problems`), then send `op`: the
    service's answer, or the refusal the form shows.

    `on` is the entity a command on one entity acts on (`Addressed`); `beside` adds fields
    next to the command's own (the household a consent form is for). `known` and `rows`
    place the errors (by_field); `shown` are the kinds of refusal shown at the form, the rest
    is raised.
    """
    found = list(problems)
    command: BaseModel | None = None
    try:
        command = op.command.model_validate(dict(body))
    except ValidationError as exc:
        found += field_errors(exc.errors())
    if found or command is None:
        return None, Refusal(422, by_field(found, known, rows=rows))
    if on is not None:
        request = op.request.model_validate({"id": on, "body": command})
    else:
        request = op.request.model_validate({**command.model_dump(), **(beside or {})})
    try:
        return await rpc.send(op, request, caller), None
    except RemoteError as exc:
        return None, _refusal(exc, known, rows, rules_at_field, shown)


def _refusal(
    exc: RemoteError,
    known: Iterable[str] | None,
    rows: Rows | None,
    rules_at_field: Mapping[str, str] | None,
    shown: Collection[ErrorKind],
) -> Refusal:
    error = exc.error
    if error.fields:
        return Refusal(422, by_field(error.fields, known, rows=rows))
    if error.kind not in shown:
        raise exc
    status = STATUS[error.kind]
    if error.code in (rules_at_field or {}):
        return Refusal(status, {(rules_at_field or {})[error.code]: error.message})
    return Refusal(status, general=error.message)
