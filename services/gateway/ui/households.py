"""Pages for households: the case list, one household, registering a new one."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.ui import forms
from services.gateway.ui import household_page as page
from services.gateway.web.i18n import N_
from services.gateway.web.security import checked_form
from services.gateway.web.submit import send
from services.gateway.web.templating import render
from shared.clock import today
from shared.contracts.intake import HouseholdRef, RegisterHousehold
from shared.contracts.reporting import Caseboard, CaseboardQuery
from shared.contracts.reporting import operations as reporting
from shared.identity import Role
from shared.rpc import ErrorKind, RemoteError

router = APIRouter(prefix="/ui", include_in_schema=False)


@router.get("", response_class=HTMLResponse)
async def case_list(
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    query: Annotated[CaseboardQuery, Depends()],
) -> Response:
    """The caseboard from reporting; until reporting answers it, an open-by-id box."""
    if caller.role in (Role.analyst, Role.housing_office):
        return RedirectResponse("/ui/bericht", status_code=303)
    if caller.role is Role.volunteer:
        return render(request, "fehler.html", {"title": N_("Ehrenamt"), "message": VOLUNTEER_NOTE})
    board: Caseboard | None
    try:
        board = await rpc.send(reporting.CASEBOARD, query, caller)
    except RemoteError as exc:
        if exc.error.kind is not ErrorKind.unavailable:
            raise
        board = None
    return render(request, "faelle.html", {"board": board, "filters": query})


VOLUNTEER_NOTE = N_("Ihre Tandems sehen Sie in der Tandem-Ansicht Ihres Trägers.")


@router.get("/haushalte", response_class=HTMLResponse)
async def open_by_id(kennung: Annotated[str, Query()], caller: CurrentCaller) -> Response:
    """The search box: an id typed or pasted opens that household."""
    try:
        household_id = UUID(kennung.strip())
    except ValueError:
        return RedirectResponse("/ui", status_code=303)
    return RedirectResponse(f"/ui/haushalte/{household_id}", status_code=303)


@router.get("/haushalte/neu", response_class=HTMLResponse)
async def new_household(request: Request, caller: CurrentCaller) -> Response:
    values = forms.form_values(
        {"provider": caller.provider or "", "registered_on": today().isoformat()}
    )
    values["members.0.role"] = "head"
    return _register_page(request, values, {})


@router.post("/haushalte/neu", response_class=HTMLResponse)
async def register(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    values = forms.form_values(await checked_form(request))
    body, rows = forms.registration_body(values)
    name, model = "register_household", RegisterHousehold
    result, refusal = await send(rpc, "intake", name, model, body, caller, rows=("members", rows))
    if refusal:
        return _register_page(
            request, values, refusal.errors, general=refusal.general, status_code=refusal.status
        )
    ref = HouseholdRef.model_validate(result)
    return RedirectResponse(f"/ui/haushalte/{ref.household_id}", status_code=303)


def _register_page(
    request: Request,
    values: dict[str, str],
    errors: dict[str, str],
    *,
    general: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    context = {
        "form": values,
        "errors": errors,
        "general": general,
        "member_rows": forms.MEMBER_ROWS,
    }
    return render(request, "haushalt_neu.html", context, status_code=status_code)


@router.get("/haushalte/{household_id}", response_class=HTMLResponse)
async def household_page(
    household_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """One household: data, history, the actions the role may take, the access log."""
    return await page.household_page(request, caller, rpc, household_id)
