"""Consents on the household page: record one for a purpose, withdraw it.

A tandem or a hand-over needs the consent of its own purpose (issue 8), so staff must be
able to record it where they work — not only over the API.
"""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.web.i18n import N_
from services.gateway.web.security import checked_form
from services.gateway.web.templating import render
from shared.clock import today
from shared.contracts.intake import (
    ConsentPurpose,
    GetHousehold,
    HouseholdView,
    RecordConsent,
    WithdrawConsent,
)
from shared.rpc import ErrorKind, RemoteError
from shared.validation import field_errors

router = APIRouter(prefix="/ui", include_in_schema=False)
FIELDS = ("purpose", "given_on", "given_by", "note")
STATUS = {ErrorKind.forbidden: 403, ErrorKind.not_found: 404}
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
    values = {name: str(form.get(name, "")).strip() for name in FIELDS}
    household = await _household(rpc, household_id, caller)
    body = {k: v for k, v in values.items() if v} | {"household_id": str(household_id)}
    try:
        command = RecordConsent.model_validate(body)
        await rpc.call("intake", "record_consent", command, caller)
    except ValidationError as exc:
        errors = {e.field: e.message for e in field_errors(exc.errors())}
        return _page(request, household, values, errors, status_code=422)
    except RemoteError as exc:
        if exc.error.fields:
            errors = {e.field: e.message for e in exc.error.fields}
            return _page(request, household, values, errors, status_code=422)
        status = STATUS.get(exc.error.kind, 409)
        if exc.error.kind is ErrorKind.unavailable:
            raise
        return _page(request, household, values, {}, general=exc.error.message, status_code=status)
    return RedirectResponse(f"/ui/haushalte/{household_id}#einwilligungen", status_code=303)


@router.post(
    "/haushalte/{household_id}/einwilligungen/{consent_id}/widerruf", response_class=HTMLResponse
)
async def withdraw(
    household_id: UUID, consent_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    form = await checked_form(request)
    withdrawn_on = str(form.get("withdrawn_on", "")).strip() or today().isoformat()
    try:
        command = WithdrawConsent.model_validate(
            {"household_id": household_id, "consent_id": consent_id, "withdrawn_on": withdrawn_on}
        )
        await rpc.call("intake", "withdraw_consent", command, caller)
    except (ValidationError, RemoteError) as exc:
        if isinstance(exc, RemoteError) and exc.error.kind is ErrorKind.unavailable:
            raise
        message = exc.error.message if isinstance(exc, RemoteError) else INVALID_DAY
        household = await _household(rpc, household_id, caller)
        status = STATUS.get(exc.error.kind, 409) if isinstance(exc, RemoteError) else 422
        return _page(request, household, {}, {}, general=message, status_code=status)
    return RedirectResponse(f"/ui/haushalte/{household_id}#einwilligungen", status_code=303)


async def _household(rpc: Rpc, household_id: UUID, caller: CurrentCaller) -> HouseholdView:
    result = await rpc.call(
        "intake", "get_household", GetHousehold(household_id=household_id), caller
    )
    return HouseholdView.model_validate(result)


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
    return render(request, "haushalt_einwilligung.html", context, status_code=status_code)
