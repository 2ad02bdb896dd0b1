"""Sending a posted Wohnintegrationshilfe form to the service (see submit.py): the form's
required fields checked here, the errors put on the form's own fields."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from uuid import UUID

from pydantic import BaseModel

from services.gateway.web import fields as forms
from services.gateway.web import submit as ui
from services.gateway.web.submit import Refusal
from shared.contracts.prevention import CaseRef
from shared.identity import Caller
from shared.rpc import RpcClient


async def send(
    rpc: RpcClient,
    caller: Caller,
    name: str,
    model: type[BaseModel],
    fields: Sequence[forms.Field],
    values: Mapping[str, str],
    case_id: UUID | None = None,
) -> CaseRef | Refusal:
    """Validate the form as `model`, then call the RPC `name` (on the case `case_id`)."""
    key = None if case_id is None else ("case_id", case_id)
    outcome = await submit(rpc, caller, name, model, fields, values, key)
    return outcome if isinstance(outcome, Refusal) else CaseRef.model_validate(outcome)


async def submit(
    rpc: RpcClient,
    caller: Caller,
    name: str,
    model: type[BaseModel],
    fields: Sequence[forms.Field],
    values: Mapping[str, str],
    key: tuple[str, UUID] | None = None,
) -> Any:
    """Validate the form as `model` and call the RPC `name`: the service's answer, or the
    Refusal. `key` names the id from the path the body goes with (`("household_id", …)`
    wraps it as `{"household_id": …, "body": …}`)."""
    result, refusal = await ui.send(
        rpc,
        "prevention",
        name,
        model,
        forms.body(fields, values),
        caller,
        target=key,
        known=[f.name for f in fields],
        problems=forms.missing(fields, values),
    )
    return refusal or result
