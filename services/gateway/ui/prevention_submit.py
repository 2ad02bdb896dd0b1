"""Sending a posted Wohnintegrationshilfe form to the service, and what a refusal means
for the page: the field errors (422), or the service's German reason (403, 409)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ValidationError

from services.gateway.ui import prevention_forms as forms
from shared.contracts.prevention import CaseRef
from shared.identity import Caller
from shared.rpc import ErrorKind, RemoteError, RpcClient
from shared.validation import field_errors

_REFUSALS = {ErrorKind.forbidden: 403, ErrorKind.rule: 409, ErrorKind.conflict: 409}


@dataclass(frozen=True)
class Refused:
    """The form comes back: `errors` by field ("" for none in particular), `general`
    the service's reason for the whole step."""

    status: int
    errors: dict[str, str] = field(default_factory=dict)
    general: str | None = None


async def send(
    rpc: RpcClient,
    caller: Caller,
    name: str,
    model: type[BaseModel],
    fields: Sequence[forms.Field],
    values: Mapping[str, str],
    case_id: UUID | None = None,
) -> CaseRef | Refused:
    """Validate the form as `model`, then call the RPC `name` (on the case `case_id`)."""
    problems = forms.missing(fields, values)
    command: BaseModel | None = None
    try:
        command = model.model_validate(forms.body(fields, values))
    except ValidationError as exc:
        problems += field_errors(exc.errors())
    if problems or command is None:
        return Refused(422, forms.errors_by_field(problems, fields))
    message: BaseModel | dict[str, Any] = command
    if case_id is not None:
        message = {"case_id": str(case_id), "body": command.model_dump(mode="json")}
    try:
        result = await rpc.call("prevention", name, message, caller)
    except RemoteError as exc:
        if exc.error.fields:
            return Refused(422, forms.errors_by_field(exc.error.fields, fields))
        status = _REFUSALS.get(exc.error.kind)
        if status is None:
            raise
        return Refused(status, general=exc.error.message)
    return CaseRef.model_validate(result)
