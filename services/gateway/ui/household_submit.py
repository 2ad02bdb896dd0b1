"""Sending a posted household form to intake, and what a refusal means for the page:
the field errors (422), or intake's German reason (403, 404, 409)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ValidationError

from services.gateway.ui import prevention_forms as forms
from services.gateway.ui.household_actions import JOINING_ROWS, Action
from services.gateway.ui.i18n import N_
from services.gateway.ui.prevention_submit import Refused
from shared.contracts.intake import HouseholdRef
from shared.identity import Caller
from shared.rpc import ErrorKind, RemoteError, RpcClient
from shared.validation import FieldError, field_errors

NOT_CONFIRMED = N_("Bitte bestätigen, dass keine Aufbewahrungspflicht entgegensteht.")
BIRTH_DATE = N_("Bei einer Geburt bitte das Geburtsdatum des Kindes angeben.")
REFUSALS = {
    ErrorKind.forbidden: 403,
    ErrorKind.not_found: 404,
    ErrorKind.rule: 409,
    ErrorKind.conflict: 409,
}
MEMBER = ("role", "age_band", "given_name", "family_name", "birth_date")


def request_body(
    action: Action, fields: Sequence[forms.Field], values: Mapping[str, str]
) -> dict[str, Any]:
    """The request body; the composition's new persons become a list of the rows typed in."""
    plain = [f for f in fields if not f.name.startswith("joining.")]
    body = forms.body(plain, values)
    if action.path == "zusammensetzung":
        joining = []
        for i in range(JOINING_ROWS):
            row = {k: values.get(f"joining.{i}.{k}") for k in MEMBER}
            if any(row.values()):
                joining.append({k: v for k, v in row.items() if v})
        body["joining"] = joining
    if action.path == "loeschung":
        body.pop("confirmed", None)
    return body


def _checks(action: Action, values: Mapping[str, str]) -> list[FieldError]:
    """What the form asks beyond the request model: the erasure's confirmation, and a
    newborn's birth date (the household's history dates the birth by it)."""
    if action.path == "loeschung" and not values.get("confirmed.yes"):
        return [FieldError(field="confirmed", message=NOT_CONFIRMED)]
    birth = action.path == "zusammensetzung" and values.get("change") == "birth"
    if birth and not values.get("joining.0.birth_date"):
        return [FieldError(field="joining.0.birth_date", message=BIRTH_DATE)]
    return []


async def send(
    rpc: RpcClient,
    caller: Caller,
    action: Action,
    fields: Sequence[forms.Field],
    values: Mapping[str, str],
    household_id: UUID,
) -> HouseholdRef | Refused:
    """Validate the form as the action's request model, then call intake."""
    problems = forms.missing(fields, values) + _checks(action, values)
    command: BaseModel | None = None
    body = request_body(action, fields, values) | {"household_id": str(household_id)}
    try:
        command = action.model.model_validate(body)
    except ValidationError as exc:
        problems += field_errors(exc.errors())
    if problems or command is None:
        return Refused(422, forms.errors_by_field(problems, fields))
    return await call(rpc, caller, action.rpc, command, fields)


async def call(
    rpc: RpcClient,
    caller: Caller,
    name: str,
    command: BaseModel,
    fields: Sequence[forms.Field] = (),
) -> HouseholdRef | Refused:
    """Intake's `name`; a refusal a person can act on comes back as Refused, others raise."""
    try:
        result = await rpc.call("intake", name, command, caller)
    except RemoteError as exc:
        if exc.error.fields:
            return Refused(422, forms.errors_by_field(exc.error.fields, fields))
        status = REFUSALS.get(exc.error.kind)
        if status is None:
            raise
        return Refused(status, general=exc.error.message)
    # Duplicate decisions answer with the pair; both answers name the household.
    return HouseholdRef.model_validate(result)
