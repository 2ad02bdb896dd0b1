"""Registering a landlord from the offers pages, so a new coordinator can start from
nothing: landlord first, then the offer with that landlord already chosen."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.identity import forbidden
from services.gateway.placement import formats
from services.gateway.placement.forms import (
    LANDLORD_FIELDS,
    LANDLORD_FLAGS,
    landlord_body,
)
from services.gateway.placement.steps import submit
from services.gateway.web.i18n import N_
from services.gateway.web.notices import notice, saved
from services.gateway.web.security import checked_form
from services.gateway.web.submit import form_values
from services.gateway.web.templating import render
from shared.clock import today
from shared.contracts.placement import operations as ops
from shared.identity import Caller, Role


def coordination_only(caller: Caller, sentence: str) -> None:
    """Placement refuses these commands to everyone but the coordination; the form says so
    before anything is typed. `sentence` is German, marked with `N_` (the error page
    translates it)."""
    if caller.role is not Role.coordinator:
        raise forbidden(sentence)


# The next thing after a landlord is their offer: the offer form, with them chosen.
REGISTERED = notice(
    "vermieter-aufgenommen",
    N_("Der Vermieter ist aufgenommen. Jetzt sein Wohnungsangebot aufnehmen."),
)


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
    ref, refusal = await submit(rpc, caller, ops.REGISTER_LANDLORD, landlord_body(values), names)
    if ref is not None:
        return saved(f"/ui/wohnungen/neu?vermieter={ref.landlord_id}", REGISTERED)
    assert refusal is not None
    return _page(request, values, refusal.errors, refusal.general, refusal.status)


def _page(
    request: Request,
    values: dict[str, str],
    errors: dict[str, str],
    general: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    context = {"form": values, "errors": errors, "general": general, "formats": formats}
    return render(request, "placement/new_landlord.html", context, status_code=status_code)


def add_routes(router: APIRouter) -> None:
    """The landlord form's routes on the offers router (see steps.add_routes)."""
    for endpoint, method in ((new_landlord, "GET"), (register_landlord, "POST")):
        router.add_api_route(
            "/vermieter/neu", endpoint, methods=[method], response_class=HTMLResponse
        )
