"""Tandem pages for case staff: form a tandem (volunteer + household) and end one (from the
overview, where a refusal comes back); each confirmed on the overview."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.volunteer.appointments import blank_form
from services.gateway.volunteer.overview import overview
from services.gateway.volunteer.page import page
from services.gateway.web.i18n import N_, gettext
from services.gateway.web.notices import notice, saved
from services.gateway.web.pickers import FieldChoices, Picks, pick_household, pick_ready_volunteer
from services.gateway.web.security import checked_form
from services.gateway.web.submit import Refusal, filled, form_values, send_form
from shared.clock import today
from shared.contracts.volunteer import operations as ops

router = APIRouter(prefix="/ui", include_in_schema=False)

FORM_FIELDS = ("volunteer_id", "household_id", "formed_on")
FORMED = notice("tandem_gebildet", N_("Das Tandem ist gebildet."))
ENDED = notice("tandem_beendet", N_("Das Tandem ist beendet."))
END_FIELDS = ("reason", "ended_on")


@router.get("/ehrenamt/tandems/neu", response_class=HTMLResponse)
async def new_tandem(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    values = form_values({"formed_on": today().isoformat()}, FORM_FIELDS)
    return _form_page(request, values)


@router.post("/ehrenamt/tandems/neu", response_class=HTMLResponse)
async def form_tandem(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    submitted = await checked_form(request)
    values = form_values(submitted, FORM_FIELDS)
    # The volunteer and the household are named as people know them; the pickers find
    # their ids (finding 9; a choice of every ready volunteer ended at 200, finding 18).
    picks = Picks()
    picks.add("volunteer_id", await pick_ready_volunteer(rpc, caller, submitted, "volunteer_id"))
    picks.add("household_id", await pick_household(rpc, caller, submitted, "household_id"))
    if refusal := picks.refusal():
        return _form_page(request, values, refusal, picks.choices)
    body = filled({**values, **picks.values}, *FORM_FIELDS)
    _, refusal = await send_form(rpc, ops.FORM_TANDEM, body, caller)
    if refusal:
        return _form_page(request, values, refusal)
    return saved("/ui/ehrenamt", FORMED, anchor="tandems")


def _form_page(
    request: Request,
    values: dict[str, str],
    refusal: Refusal | None = None,
    choices: FieldChoices | None = None,
) -> Response:
    context = {"form": values, "choices": choices or {}}
    return page(request, "volunteer/tandem_new.html", context, refusal)


@router.post("/ehrenamt/tandems/{tandem_id}/ende", response_class=HTMLResponse)
async def end_tandem(
    tandem_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    values = form_values(await checked_form(request), END_FIELDS)
    body = filled(values, *END_FIELDS)
    _, refusal = await send_form(rpc, ops.END_TANDEM, body, caller, on=tandem_id)
    if refusal:
        if refusal.errors:
            # The overview shows many end forms: name the field in the message instead.
            # Composed in the request's language: the page cannot translate the whole.
            messages = "; ".join(
                f"{gettext(_END_LABELS.get(k, k))}: {gettext(v)}" for k, v in refusal.errors.items()
            )
            reason = gettext("Tandem nicht beendet – %(messages)s") % {"messages": messages}
            refusal = Refusal(refusal.status, general=reason)
        return await overview(request, caller, rpc, blank_form(caller), refusal)
    return saved("/ui/ehrenamt", ENDED, anchor="tandems")


_END_LABELS = {"reason": N_("Grund"), "ended_on": N_("Ende am")}
