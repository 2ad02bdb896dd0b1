"""A volunteer's own pages: their active tandems with the household as little as a tandem
needs (size, kind of accommodation, provider, since when; no names), and recording a
support act. Another volunteer's tandem answers 404 from the service, as if unknown."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.volunteer.page import page
from services.gateway.web.i18n import N_
from services.gateway.web.list_query import beyond_last, list_query
from services.gateway.web.notices import notice, saved
from services.gateway.web.security import checked_form
from services.gateway.web.submit import Refusal, filled, form_values, send_form
from shared.clock import today
from shared.contracts import volunteer as c
from shared.contracts.volunteer import operations as ops
from shared.identity import Caller
from shared.validation import FieldError

router = APIRouter(prefix="/ui", include_in_schema=False)

SUPPORT_FIELDS = ("kind", "supported_on")
NO_KIND = N_("Bitte wählen, wobei Sie unterstützt haben.")
RECORDED = notice("unterstuetzung_erfasst", N_("Die Unterstützung ist erfasst."))


async def _household(rpc: Rpc, caller: Caller, tandem: c.TandemView) -> c.TandemHouseholdView:
    body = c.GetTandemHousehold(household_id=tandem.household_id)
    return await rpc.send(ops.GET_TANDEM_HOUSEHOLD, body, caller)


@router.get("/tandems", response_class=HTMLResponse)
async def own_tandems(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """The caller's active tandems (a page at a time), each with its household's minimal
    fields: a volunteer gets no household title, only what a tandem needs."""
    query = list_query(request, c.ListTandems)
    found = await rpc.send(ops.LIST_TANDEMS, query, caller)
    if (last := beyond_last(query, found.page)) is not None:
        found = await rpc.send(ops.LIST_TANDEMS, last, caller)
    entries = [(t, await _household(rpc, caller, t)) for t in found.tandems]
    context = {"entries": entries, "today": today().isoformat(), "page_info": found.page}
    return page(request, "volunteer/own_tandems.html", context)


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
    # Said first: the field's message is the first one found for it.
    unchosen = [] if values["kind"] else [FieldError(field="kind", message=NO_KIND)]
    op = ops.RECORD_SUPPORT
    _, refusal = await send_form(rpc, op, body, caller, on=tandem_id, problems=unchosen)
    if refusal:
        return await _tandem_page(request, caller, rpc, tandem_id, values, refusal)
    return saved(f"/ui/tandems/{tandem_id}", RECORDED)


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
