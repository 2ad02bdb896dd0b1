"""Sending a posted household form to intake, and what a refusal means for the page:
the field errors (422), or intake's German reason (403, 404, 409)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from uuid import UUID

from pydantic import BaseModel

from services.gateway.ui.erasure import unconfirmed
from services.gateway.ui.household_actions import JOINING_ROWS, Action
from services.gateway.web import fields as forms
from services.gateway.web import submit as ui
from services.gateway.web.i18n import N_
from services.gateway.web.submit import Refusal
from shared.contracts.intake import HouseholdRef
from shared.identity import Caller
from shared.rpc import ErrorKind, RpcClient
from shared.validation import FieldError

BIRTH_DATE = N_("Bei einer Geburt bitte das Geburtsdatum des Kindes angeben.")
# A household or person another provider's caller cannot see is said at the form, too.
SHOWN = (*ui.SHOWN, ErrorKind.not_found)
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
    if action.path == "loeschung" and (missing := unconfirmed(values)):
        return missing
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
) -> HouseholdRef | Refusal:
    """Validate the form as the action's request model, then call intake."""
    problems = forms.missing(fields, values) + _checks(action, values)
    body = request_body(action, fields, values) | {"household_id": str(household_id)}
    return await _sent(rpc, caller, action.rpc, action.model, body, fields, problems)


async def call(
    rpc: RpcClient, caller: Caller, name: str, command: BaseModel
) -> HouseholdRef | Refusal:
    """Intake's `name` with a form that has no fields: any refusal is shown above it."""
    return await _sent(rpc, caller, name, type(command), command.model_dump(), ())


async def _sent(
    rpc: RpcClient,
    caller: Caller,
    name: str,
    model: type[BaseModel],
    body: Mapping[str, Any],
    fields: Sequence[forms.Field],
    problems: Sequence[FieldError] = (),
) -> HouseholdRef | Refusal:
    known = [f.name for f in fields]
    result, refusal = await ui.send(
        rpc, "intake", name, model, body, caller, known=known, problems=problems, shown=SHOWN
    )
    # Duplicate decisions answer with the pair; both answers name the household.
    return refusal or HouseholdRef.model_validate(result)
