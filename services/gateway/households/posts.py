"""The form posts on a household's page (`POST /ui/haushalte/{id}/<action>`): on success
back to the household (303), otherwise its page again with the typed values and the
German error next to the field or above the form (422, 409, 403 or 404)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.households.actions import ACTIONS, JOINING_ROWS, Action
from services.gateway.households.page import household_page
from services.gateway.web import fields as forms
from services.gateway.web import submit as ui
from services.gateway.web.erasure import unconfirmed
from services.gateway.web.i18n import N_
from services.gateway.web.security import checked_form
from services.gateway.web.submit import Refusal, send_form
from shared.contracts.intake import DuplicateDecision, GetHousehold, LiftRestriction
from shared.contracts.intake import operations as intake
from shared.contracts.operation import Operation
from shared.identity import Caller
from shared.rpc import ErrorKind, RpcClient
from shared.validation import FieldError

router = APIRouter(prefix="/ui", include_in_schema=False)
Handler = Callable[[UUID, Request, CurrentCaller, Rpc], Awaitable[Response]]
DECISIONS = {
    "verknuepfen": intake.LINK_DUPLICATE,
    "trennen": intake.DISMISS_DUPLICATE,
    "zuruecknehmen": intake.REVOKE_DUPLICATE_DECISION,
}
BIRTH_DATE = N_("Bei einer Geburt bitte das Geburtsdatum des Kindes angeben.")
# A household or person another provider's caller cannot see is said at the form, too.
SHOWN = (*ui.SHOWN, ErrorKind.not_found)
READINESS = "wohnfaehigkeit"
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


async def _send(
    rpc: RpcClient,
    op: Operation[Any, Any],
    household_id: UUID,
    body: Mapping[str, Any],
    caller: Caller,
    fields: Sequence[forms.Field] = (),
    problems: Sequence[FieldError] = (),
) -> Refusal | None:
    """Send the household's form: addressed to the household (`Addressed`) where `op` is a
    command on it, else with the household's id among the request's fields."""
    addressed = op.command is not op.request
    _, refusal = await send_form(
        rpc,
        op,
        body if addressed else {**body, "household_id": household_id},
        caller,
        on=household_id if addressed else None,
        known=[f.name for f in fields],
        problems=problems,
        shown=SHOWN,
    )
    return refusal


def _back(household_id: UUID, anchor: str) -> RedirectResponse:
    return RedirectResponse(f"/ui/haushalte/{household_id}#{anchor}", status_code=303)


def _handler(action: Action) -> Handler:
    async def take_action(
        household_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
    ) -> Response:
        submitted = await checked_form(request)
        household = await rpc.send(
            intake.GET_HOUSEHOLD, GetHousehold(household_id=household_id), caller
        )
        fields = action.fields(household)
        values = forms.form_values(fields, submitted)
        problems = forms.missing(fields, values) + _checks(action, values)
        body = request_body(action, fields, values)
        refusal = await _send(rpc, action.op, household_id, body, caller, fields, problems)
        if refusal is not None and action.path == READINESS and problems:
            # An unrated criterion is said at its own field; the model's rule on the whole
            # set ("Bitte ausfüllen." / "es fehlt: finances") has no field and would stand
            # above the form as a second, vaguer message (finding 11).
            refusal.errors.pop("", None)
        if refusal is not None:
            return await household_page(
                request,
                caller,
                rpc,
                household_id,
                active=action.path,
                typed=values,
                errors=refusal.errors,
                general=refusal.general or refusal.errors.get(""),
                status_code=refusal.status,
            )
        return _back(household_id, action.path)

    take_action.__name__ = f"household_{action.op.name}"
    take_action.__doc__ = f"{action.title}: the form posted on the household's page."
    return take_action


for _action in ACTIONS:
    router.add_api_route(
        f"/haushalte/{{household_id}}/{_action.path}",
        _handler(_action),
        methods=["POST"],
        response_class=HTMLResponse,
    )


async def _without_fields(
    rpc: RpcClient, op: Operation[Any, Any], command: BaseModel, caller: Caller
) -> Refusal | None:
    """`op` with a form that has no fields: any refusal is shown above it."""
    _, refusal = await send_form(rpc, op, command.model_dump(), caller, known=(), shown=SHOWN)
    return refusal


@router.post("/haushalte/{household_id}/einschraenkung/aufheben", response_class=HTMLResponse)
async def lift_restriction(
    household_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """Lift the restriction of processing (coordination); intake says why not, if not."""
    await checked_form(request)
    command = LiftRestriction(household_id=household_id)
    refusal = await _without_fields(rpc, intake.LIFT_HOUSEHOLD_RESTRICTION, command, caller)
    if refusal is not None:
        return await household_page(
            request,
            caller,
            rpc,
            household_id,
            active="aufheben",
            general=refusal.general,
            status_code=refusal.status,
        )
    return _back(household_id, "einschraenkung")


@router.post(
    "/haushalte/{household_id}/doppelfaelle/{other_id}/{decision}", response_class=HTMLResponse
)
async def decide_duplicate(
    household_id: UUID,
    other_id: UUID,
    decision: str,
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
) -> Response:
    """Link, keep apart, or undo the decision on a possible duplicate (coordination)."""
    await checked_form(request)
    op = DECISIONS.get(decision)
    if op is None:
        return RedirectResponse(f"/ui/haushalte/{household_id}", status_code=303)
    command = DuplicateDecision(household_id=household_id, other_household_id=other_id)
    refusal = await _without_fields(rpc, op, command, caller)
    if refusal is not None:
        return await household_page(
            request,
            caller,
            rpc,
            household_id,
            active="doppelfaelle",
            general=refusal.general,
            status_code=refusal.status,
        )
    return _back(household_id, "doppelfaelle")
