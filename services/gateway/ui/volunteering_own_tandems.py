"""A volunteer's own pages: their active tandems with the household as little as a tandem
needs (size, kind of accommodation, provider, since when; no names), and recording a
support act. Another volunteer's tandem answers 404 from the service, as if unknown."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.ui.volunteering_forms import page
from services.gateway.web.security import checked_form
from services.gateway.web.submit import Refusal, filled, form_values, send
from shared.clock import today
from shared.contracts import volunteer as c
from shared.identity import Caller

router = APIRouter(prefix="/ui", include_in_schema=False)

SUPPORT_FIELDS = ("kind", "supported_on")


async def _household(rpc: Rpc, caller: Caller, tandem: c.TandemView) -> c.TandemHouseholdView:
    body = c.GetTandemHousehold(household_id=tandem.household_id)
    result = await rpc.call("volunteer", "get_tandem_household", body, caller)
    return c.TandemHouseholdView.model_validate(result)


@router.get("/tandems", response_class=HTMLResponse)
async def own_tandems(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """The caller's active tandems, each with its household's minimal fields."""
    result = await rpc.call("volunteer", "list_tandems", c.ListTandems(), caller)
    tandems = c.TandemList.model_validate(result).tandems
    entries = [(t, await _household(rpc, caller, t)) for t in tandems]
    return page(request, "tandems.html", {"entries": entries, "today": today().isoformat()})


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
    _, refusal = await send(
        rpc, "volunteer", "record_support", c.RecordSupport, body, caller, target=("id", tandem_id)
    )
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
    result = await rpc.call("volunteer", "get_tandem", c.ById(id=tandem_id), caller)
    tandem = c.TandemView.model_validate(result)
    context = {"tandem": tandem, "household": await _household(rpc, caller, tandem), "form": values}
    return page(request, "tandems_tandem.html", context, refusal)
