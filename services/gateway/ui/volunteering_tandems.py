"""Tandem pages for case staff: form a tandem (volunteer + household), end one; and the
overview of volunteers and active tandems the other volunteer pages lead back to."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.ui.security import checked_form
from services.gateway.ui.volunteering_forms import Refusal, filled, form_values, page, send
from shared.clock import today
from shared.contracts import volunteer as c
from shared.identity import Caller

router = APIRouter(prefix="/ui", include_in_schema=False)

FORM_FIELDS = ("volunteer_id", "household_id", "formed_on")
END_FIELDS = ("reason", "ended_on")


async def overview(
    request: Request, caller: Caller, rpc: Rpc, refusal: Refusal | None = None
) -> Response:
    """Volunteers and active tandems the caller sees, each tandem with a form to end it."""
    volunteers = await _volunteers(rpc, caller)
    tandems = c.TandemList.model_validate(
        await rpc.call("volunteer", "list_tandems", c.ListTandems(), caller)
    ).tandems
    context = {
        "volunteers": volunteers,
        "tandems": tandems,
        "names": {v.volunteer_id: v for v in volunteers},
        "today": today().isoformat(),
    }
    return page(request, "ehrenamt.html", context, refusal)


async def _volunteers(rpc: Rpc, caller: Caller) -> list[c.VolunteerView]:
    result = await rpc.call("volunteer", "list_volunteers", c.ListVolunteers(), caller)
    return c.VolunteerList.model_validate(result).volunteers


@router.get("/ehrenamt/tandems/neu", response_class=HTMLResponse)
async def new_tandem(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    values = form_values({"formed_on": today().isoformat()}, FORM_FIELDS)
    return await _form_page(request, caller, rpc, values)


@router.post("/ehrenamt/tandems/neu", response_class=HTMLResponse)
async def form_tandem(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    values = form_values(await checked_form(request), FORM_FIELDS)
    body = filled(values, *FORM_FIELDS)
    _, refusal = await send(rpc, "form_tandem", c.FormTandem, body, caller)
    if refusal:
        return await _form_page(request, caller, rpc, values, refusal)
    return RedirectResponse("/ui/ehrenamt#tandems", status_code=303)


async def _form_page(
    request: Request,
    caller: Caller,
    rpc: Rpc,
    values: dict[str, str],
    refusal: Refusal | None = None,
) -> Response:
    # Only volunteers with a signed agreement may form a tandem: the others are not offered.
    ready = [v for v in await _volunteers(rpc, caller) if v.ready_for_tandem]
    context = {"form": values, "volunteers": ready}
    return page(request, "ehrenamt_tandem_neu.html", context, refusal)


@router.post("/ehrenamt/tandems/{tandem_id}/ende", response_class=HTMLResponse)
async def end_tandem(
    tandem_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    values = form_values(await checked_form(request), END_FIELDS)
    body = filled(values, *END_FIELDS)
    _, refusal = await send(rpc, "end_tandem", c.EndTandem, body, caller, target=tandem_id)
    if refusal:
        if refusal.errors:
            # The overview shows many end forms: name the field in the message instead.
            messages = "; ".join(f"{_END_LABELS.get(k, k)}: {v}" for k, v in refusal.errors.items())
            refusal = Refusal(refusal.status, general=f"Tandem nicht beendet – {messages}")
        return await overview(request, caller, rpc, refusal)
    return RedirectResponse("/ui/ehrenamt#tandems", status_code=303)


_END_LABELS = {"reason": "Grund", "ended_on": "Ende am"}
