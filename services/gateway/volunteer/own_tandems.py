"""A volunteer's own pages: their active tandems with the household as little as a tandem
needs (size, kind of accommodation, provider, since when; no names), and recording a
support act. Another volunteer's tandem answers 404 from the service, as if unknown."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.volunteer.page import page
from services.gateway.web.security import checked_form
from services.gateway.web.submit import Refusal, filled, form_values, send_form
from shared.clock import today
from shared.contracts import volunteer as c
from shared.contracts.volunteer import operations as ops
from shared.identity import Caller

router = APIRouter(prefix="/ui", include_in_schema=False)

SUPPORT_FIELDS = ("kind", "supported_on")


async def _household(rpc: Rpc, caller: Caller, tandem: c.TandemView) -> c.TandemHouseholdView:
    body = c.GetTandemHousehold(household_id=tandem.household_id)
    return await rpc.send(ops.GET_TANDEM_HOUSEHOLD, body, caller)


@router.get("/tandems", response_class=HTMLResponse)
async def own_tandems(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """The caller's active tandems, each with its household's minimal fields."""
    tandems = (await rpc.send(ops.LIST_TANDEMS, c.ListTandems(), caller)).tandems
    entries = [(t, await _household(rpc, caller, t)) for t in tandems]
    return page(
        request, "volunteer/own_tandems.html", {"entries": entries, "today": today().isoformat()}
    )


@router.get("/tandems/{tandem_id}", response_class=HTMLResponse)
async def own_tandem(
    tandem_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """One of the caller's tandems with its support acts and the form to record one."""
    values = form_values({"supported_on": today().isoformat()}, SUPPORT_FIELDS)
    return await _tandem_page(request, caller, rpc, tandem_id, values)


@router.post("/tandems/{tandem_id}/unterstuetzung", response_class=HTMLResponse)
async def record_support(
    tandem_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    values = form_values(await checked_form(request), SUPPORT_FIELDS)
    body = filled(values, *SUPPORT_FIELDS)
    _, refusal = await send_form(rpc, ops.RECORD_SUPPORT, body, caller, on=tandem_id)
    if refusal:
        return await _tandem_page(request, caller, rpc, tandem_id, values, refusal)
    return RedirectResponse(f"/ui/tandems/{tandem_id}", status_code=303)


async def _tandem_page(
    request: Request,
    caller: Caller,
    rpc: Rpc,
    tandem_id: UUID,
    values: dict[str, str],
    refusal: Refusal | None = None,
) -> Response:
    tandem = await rpc.send(ops.GET_TANDEM, c.ById(id=tandem_id), caller)
    context = {"tandem": tandem, "household": await _household(rpc, caller, tandem), "form": values}
    return page(request, "volunteer/own_tandem.html", context, refusal)
