"""Registering a landlord from the offers pages, so a new coordinator can start from
nothing: landlord first, then the offer with that landlord already chosen."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.identity import forbidden
from services.gateway.ui import labels_placement
from services.gateway.ui.offers_forms import (
    LANDLORD_FIELDS,
    LANDLORD_FLAGS,
    landlord_body,
)
from services.gateway.ui.offers_steps import submit
from services.gateway.web.i18n import N_
from services.gateway.web.security import checked_form
from services.gateway.web.submit import form_values
from services.gateway.web.templating import render
from shared.clock import today
from shared.contracts import placement as c
from shared.identity import Caller, Role


def coordination_only(caller: Caller, sentence: str) -> None:
    """Placement refuses these commands to everyone but the coordination; the form says so
    before anything is typed. `sentence` is German, marked with `N_` (the error page
    translates it)."""
    if caller.role is not Role.coordinator:
        raise forbidden(sentence)


async def new_landlord(request: Request, caller: CurrentCaller) -> Response:
    """The form to register a landlord."""
    coordination_only(caller, N_("Nur die Koordination darf Vermieter aufnehmen."))
    values = form_values({"registered_on": today().isoformat()}, LANDLORD_FIELDS, LANDLORD_FLAGS)
    return _page(request, values, {})


async def register_landlord(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    submitted = await checked_form(request)
    coordination_only(caller, N_("Nur die Koordination darf Vermieter aufnehmen."))
    values = form_values(submitted, LANDLORD_FIELDS, LANDLORD_FLAGS)
    names = LANDLORD_FIELDS + LANDLORD_FLAGS
    result, refusal = await submit(
        rpc, caller, "register_landlord", c.RegisterLandlord, landlord_body(values), names
    )
    if refusal is None:
        ref = c.LandlordRef.model_validate(result)
        return RedirectResponse(f"/ui/wohnungen/neu?vermieter={ref.landlord_id}", 303)
    return _page(request, values, refusal.errors, refusal.general, refusal.status)


def _page(
    request: Request,
    values: dict[str, str],
    errors: dict[str, str],
    general: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    context = {"form": values, "errors": errors, "general": general, "lp": labels_placement}
    return render(request, "wohnungen_vermieter_neu.html", context, status_code=status_code)


def add_routes(router: APIRouter) -> None:
    """The landlord form's routes on the offers router (see offers_steps.add_routes)."""
    for endpoint, method in ((new_landlord, "GET"), (register_landlord, "POST")):
        router.add_api_route(
            "/vermieter/neu", endpoint, methods=[method], response_class=HTMLResponse
        )
