"""Consents on the household page: record one for a purpose, withdraw it.

A tandem or a hand-over needs the consent of its own purpose (issue 8), so staff must be
able to record it where they work — not only over the API.
"""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.web.i18n import N_
from services.gateway.web.security import checked_form
from services.gateway.web.submit import SHOWN as FORM_SHOWN
from services.gateway.web.submit import form_values, send_form
from services.gateway.web.templating import render
from shared.clock import today
from shared.contracts.intake import ConsentPurpose, GetHousehold, HouseholdView
from shared.contracts.intake import operations as intake
from shared.rpc import ErrorKind

router = APIRouter(prefix="/ui", include_in_schema=False)
FIELDS = ("purpose", "given_on", "given_by", "note")
# Intake's refusals are said at the form, a household not seen (404) too.
SHOWN = (*FORM_SHOWN, ErrorKind.not_found)
INVALID_DAY = N_("Bitte einen gültigen Tag des Widerrufs angeben.")


@router.get("/haushalte/{household_id}/einwilligungen/neu", response_class=HTMLResponse)
async def consent_form(
    household_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    household = await _household(rpc, household_id, caller)
    values = {"purpose": "volunteer_tandem", "given_on": today().isoformat()}
    return _page(request, household, values, {})


@router.post("/haushalte/{household_id}/einwilligungen", response_class=HTMLResponse)
async def record(household_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    form = await checked_form(request)
    values = form_values(form, FIELDS)
    household = await _household(rpc, household_id, caller)
    body = {k: v for k, v in values.items() if v}
    _, refusal = await send_form(
        rpc, intake.RECORD_CONSENT, body, caller, on=household_id, shown=SHOWN
    )
    if refusal is not None:
        return _page(
            request,
            household,
            values,
            refusal.errors,
            general=refusal.general,
            status_code=refusal.status,
        )
    return RedirectResponse(f"/ui/haushalte/{household_id}#einwilligungen", status_code=303)


@router.post(
    "/haushalte/{household_id}/einwilligungen/{consent_id}/widerruf", response_class=HTMLResponse
)
async def withdraw(
    household_id: UUID, consent_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    form = await checked_form(request)
    withdrawn_on = str(form.get("withdrawn_on", "")).strip() or today().isoformat()
    command = {"household_id": household_id, "consent_id": consent_id, "withdrawn_on": withdrawn_on}
    _, refusal = await send_form(rpc, intake.WITHDRAW_CONSENT, command, caller, shown=SHOWN)
    if refusal is not None:
        # The form has one field, filled in for the staff: a refused day is said above it.
        message = INVALID_DAY if refusal.status == 422 else refusal.general
        household = await _household(rpc, household_id, caller)
        return _page(request, household, {}, {}, general=message, status_code=refusal.status)
    return RedirectResponse(f"/ui/haushalte/{household_id}#einwilligungen", status_code=303)


async def _household(rpc: Rpc, household_id: UUID, caller: CurrentCaller) -> HouseholdView:
    return await rpc.send(intake.GET_HOUSEHOLD, GetHousehold(household_id=household_id), caller)


def _page(
    request: Request,
    household: HouseholdView,
    values: dict[str, str],
    errors: dict[str, str],
    *,
    general: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    context = {
        "household": household,
        "form": values,
        "errors": errors,
        "general": general,
        "purposes": {p.value: p.label for p in ConsentPurpose},
    }
    return render(request, "households/consents.html", context, status_code=status_code)
