"""The landlords: a list of the municipality's landlords, and one landlord's page with
their offers and the cooperation agreement.

Placement can record a cooperation agreement (`conclude_cooperation`) but has no command
to end one: the page shows the agreement and, without one, the coordination's form to
record it. Reading is for coordinators and caseworkers (placement's readers); recording
is the coordination's, and a caseworker is told so instead of being shown the form.
"""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.placement import formats
from services.gateway.placement.forms import plain_body
from services.gateway.placement.new_landlord import coordination_only
from services.gateway.placement.steps import submit
from services.gateway.web.i18n import N_
from services.gateway.web.list_query import list_query
from services.gateway.web.notices import notice, saved
from services.gateway.web.security import checked_form
from services.gateway.web.submit import form_values
from services.gateway.web.templating import render
from shared.clock import today
from shared.contracts import placement as c
from shared.contracts.placement import operations as ops
from shared.identity import Caller, Role
from shared.rpc import RpcClient

COOPERATION_FIELDS = ("agreed_on",)
AGREED = notice("kooperation", N_("Die Kooperationsvereinbarung ist festgehalten."))
ONLY_COORDINATION = N_("Nur die Koordination darf Kooperationsvereinbarungen festhalten.")


async def landlord_list(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """Every landlord of the municipality, with kind and cooperation agreement."""
    landlords = (await rpc.send(ops.LIST_LANDLORDS, c.ListLandlords(), caller)).landlords
    ordered = sorted(landlords, key=lambda ll: ((ll.name or "").casefold(), ll.registered_on))
    context = {"landlords": ordered, "formats": formats}
    return render(request, "placement/landlords.html", context)


async def landlord(
    landlord_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """One landlord with contact person, cooperation agreement and every offer of theirs."""
    values = form_values({"agreed_on": today().isoformat()}, COOPERATION_FIELDS)
    return await _page(request, caller, rpc, landlord_id, values, {})


async def conclude_cooperation(
    landlord_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """Records the landlord's cooperation agreement (coordination only)."""
    submitted = await checked_form(request)
    coordination_only(caller, ONLY_COORDINATION)
    values = form_values(submitted, COOPERATION_FIELDS)
    body = plain_body(values, COOPERATION_FIELDS)
    _, refusal = await submit(
        rpc, caller, ops.CONCLUDE_COOPERATION, body, COOPERATION_FIELDS, on=landlord_id
    )
    if refusal is None:
        return saved(f"/ui/wohnungen/vermieter/{landlord_id}", AGREED, anchor="kooperation")
    return await _page(
        request,
        caller,
        rpc,
        landlord_id,
        values,
        refusal.errors,
        refusal.general,
        refusal.status,
    )


async def _page(
    request: Request,
    caller: Caller,
    rpc: RpcClient,
    landlord_id: UUID,
    values: dict[str, str],
    errors: dict[str, str],
    general: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    view = await rpc.send(ops.GET_LANDLORD, c.GetLandlord(landlord_id=landlord_id), caller)
    # Every status unless the URL names one; one page, sorted as the URL asks.
    query = list_query(request, c.GetOffers, landlord_id=landlord_id, district=None)
    if "status" not in request.query_params:
        query = query.model_copy(update={"status": None})
    context = {
        "landlord": view,
        "query": query,
        "answer": await rpc.send(ops.LIST_OFFERS, query, caller),
        "coordinator": caller.role is Role.coordinator,
        "form": values,
        "errors": errors,
        "general": general,
        "formats": formats,
    }
    return render(request, "placement/landlord.html", context, status_code=status_code)


def add_routes(router: APIRouter) -> None:
    """The landlord pages on the offers router, before `/{offer_id}` catches their paths."""
    router.add_api_route("/vermieter", landlord_list, methods=["GET"], response_class=HTMLResponse)
    router.add_api_route(
        "/vermieter/{landlord_id}", landlord, methods=["GET"], response_class=HTMLResponse
    )
    router.add_api_route(
        "/vermieter/{landlord_id}/kooperation",
        conclude_cooperation,
        methods=["POST"],
        response_class=HTMLResponse,
    )
