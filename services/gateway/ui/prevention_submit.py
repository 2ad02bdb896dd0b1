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
    key = None if case_id is None else ("case_id", case_id)
    outcome = await submit(rpc, caller, name, model, fields, values, key)
    return outcome if isinstance(outcome, Refused) else CaseRef.model_validate(outcome)


async def submit(
    rpc: RpcClient,
    caller: Caller,
    name: str,
    model: type[BaseModel],
    fields: Sequence[forms.Field],
    values: Mapping[str, str],
    key: tuple[str, UUID] | None = None,
) -> Any:
    """Validate the form as `model` and call the RPC `name`: the service's answer, or why
    it was `Refused`. `key` names the id from the path the body goes with
    (`("household_id", …)` wraps it as `{"household_id": …, "body": …}`)."""
    problems = forms.missing(fields, values)
    command: BaseModel | None = None
    try:
        command = model.model_validate(forms.body(fields, values))
    except ValidationError as exc:
        problems += field_errors(exc.errors())
    if problems or command is None:
        return Refused(422, forms.errors_by_field(problems, fields))
    message: BaseModel | dict[str, Any] = command
    if key is not None:
        message = {key[0]: str(key[1]), "body": command.model_dump(mode="json")}
    try:
        return await rpc.call("prevention", name, message, caller)
    except RemoteError as exc:
        if exc.error.fields:
            return Refused(422, forms.errors_by_field(exc.error.fields, fields))
        status = _REFUSALS.get(exc.error.kind)
        if status is None:
            raise
        return Refused(status, general=exc.error.message)
