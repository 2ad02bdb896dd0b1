"""Tandem pages for case staff: form a tandem (volunteer + household) and end one (from the
overview, where a refusal comes back); each confirmed on the overview."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.volunteer.appointments import blank_form
from services.gateway.volunteer.overview import overview, ready_volunteers
from services.gateway.volunteer.page import page
from services.gateway.web.i18n import N_, gettext
from services.gateway.web.notices import notice, saved
from services.gateway.web.pickers import pick_household
from services.gateway.web.security import checked_form
from services.gateway.web.submit import Refusal, filled, form_values, send_form
from shared.clock import today
from shared.contracts.intake.directory import HouseholdCard
from shared.contracts.volunteer import operations as ops
from shared.identity import Caller

router = APIRouter(prefix="/ui", include_in_schema=False)

FORM_FIELDS = ("volunteer_id", "household_id", "formed_on")
FORMED = notice("tandem_gebildet", N_("Das Tandem ist gebildet."))
ENDED = notice("tandem_beendet", N_("Das Tandem ist beendet."))
END_FIELDS = ("reason", "ended_on")


@router.get("/ehrenamt/tandems/neu", response_class=HTMLResponse)
async def new_tandem(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    values = form_values({"formed_on": today().isoformat()}, FORM_FIELDS)
    return await _form_page(request, caller, rpc, values)


@router.post("/ehrenamt/tandems/neu", response_class=HTMLResponse)
async def form_tandem(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    submitted = await checked_form(request)
    values = form_values(submitted, FORM_FIELDS)
    # The household is named as people know it; the picker finds its id (finding 9).
    picked = await pick_household(rpc, caller, submitted, "household_id")
    if refusal := picked.refusal("household_id"):
        return await _form_page(request, caller, rpc, values, refusal, picked.choices)
    body = filled({**values, "household_id": picked.value()}, *FORM_FIELDS)
    _, refusal = await send_form(rpc, ops.FORM_TANDEM, body, caller)
    if refusal:
        return await _form_page(request, caller, rpc, values, refusal)
    return saved("/ui/ehrenamt", FORMED, anchor="tandems")


async def _form_page(
    request: Request,
    caller: Caller,
    rpc: Rpc,
    values: dict[str, str],
    refusal: Refusal | None = None,
    choices: list[HouseholdCard] | None = None,
) -> Response:
    # Only volunteers with a signed agreement may form a tandem: the others are not offered.
    context = {
        "form": values,
        "volunteers": await ready_volunteers(rpc, caller),
        "choices": {"household_id": choices or []},
    }
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
