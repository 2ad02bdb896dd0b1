"""The form posts on a household's page (`POST /ui/haushalte/{id}/<action>`): on success
back to the household (303), otherwise its page again with the typed values and the
German error next to the field or above the form (422, 409, 403 or 404)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.ui.household_actions import ACTIONS, Action
from services.gateway.ui.household_page import household_page
from services.gateway.ui.household_submit import call, send
from services.gateway.web import fields as forms
from services.gateway.web.security import checked_form
from services.gateway.web.submit import Refusal
from shared.contracts.intake import DuplicateDecision, GetHousehold, HouseholdView, LiftRestriction

router = APIRouter(prefix="/ui", include_in_schema=False)
Handler = Callable[[UUID, Request, CurrentCaller, Rpc], Awaitable[Response]]
DECISIONS = {
    "verknuepfen": "link_duplicate",
    "trennen": "dismiss_duplicate",
    "zuruecknehmen": "revoke_duplicate_decision",
}


def _back(household_id: UUID, anchor: str) -> RedirectResponse:
    return RedirectResponse(f"/ui/haushalte/{household_id}#{anchor}", status_code=303)


def _handler(action: Action) -> Handler:
    async def take_action(
        household_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
    ) -> Response:
        submitted = await checked_form(request)
        result = await rpc.call(
            "intake", "get_household", GetHousehold(household_id=household_id), caller
        )
        fields = action.fields(HouseholdView.model_validate(result))
        values = forms.form_values(fields, submitted)
        outcome = await send(rpc, caller, action, fields, values, household_id)
        if isinstance(outcome, Refusal):
            return await household_page(
                request,
                caller,
                rpc,
                household_id,
                active=action.path,
                typed=values,
                errors=outcome.errors,
                general=outcome.general or outcome.errors.get(""),
                status_code=outcome.status,
            )
        return _back(household_id, action.path)

    take_action.__name__ = f"household_{action.rpc}"
    take_action.__doc__ = f"{action.title}: the form posted on the household's page."
    return take_action


for _action in ACTIONS:
    router.add_api_route(
        f"/haushalte/{{household_id}}/{_action.path}",
        _handler(_action),
        methods=["POST"],
        response_class=HTMLResponse,
    )


@router.post("/haushalte/{household_id}/einschraenkung/aufheben", response_class=HTMLResponse)
async def lift_restriction(
    household_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """Lift the restriction of processing (coordination); intake says why not, if not."""
    await checked_form(request)
    command = LiftRestriction(household_id=household_id)
    outcome = await call(rpc, caller, "lift_household_restriction", command)
    if isinstance(outcome, Refusal):
        return await household_page(
            request,
            caller,
            rpc,
            household_id,
            active="aufheben",
            general=outcome.general,
            status_code=outcome.status,
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
    name = DECISIONS.get(decision)
    if name is None:
        return RedirectResponse(f"/ui/haushalte/{household_id}", status_code=303)
    command = DuplicateDecision(household_id=household_id, other_household_id=other_id)
    outcome = await call(rpc, caller, name, command)
    if isinstance(outcome, Refusal):
        return await household_page(
            request,
            caller,
            rpc,
            household_id,
            active="doppelfaelle",
            general=outcome.general,
            status_code=outcome.status,
        )
    return _back(household_id, "doppelfaelle")
