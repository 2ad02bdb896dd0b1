"""The volunteer programme's overview (/ui/ehrenamt): volunteers and active tandems of the
caller's scope, each tandem with a form to end it, and the form to record a consultation
outside an office hour (appointments.py). The forms posted from here come back to it on a
refusal; a stored consultation leads back to it, which confirms it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.volunteer import appointments
from services.gateway.volunteer.page import page
from services.gateway.web.security import checked_form
from services.gateway.web.submit import Refusal, form_values, send_form
from shared.clock import today
from shared.contracts import volunteer as c
from shared.contracts.volunteer import operations as ops
from shared.identity import Caller, Role

router = APIRouter(prefix="/ui", include_in_schema=False)


@router.get("/ehrenamt", response_class=HTMLResponse)
async def overview_page(
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    erfasst: Annotated[bool, Query()] = False,
) -> Response:
    """Volunteers and active tandems of the caller's scope, links to every form, and the
    form for a consultation outside an office hour (`erfasst`: one was just stored)."""
    consultation = appointments.blank_form(caller)
    return await overview(request, caller, rpc, consultation, recorded=erfasst)


@router.post("/ehrenamt/beratungen", response_class=HTMLResponse)
async def record_consultation(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """A consultation outside an office hour; a refusal comes back on the overview with
    every typed value and the message beside its field."""
    values = form_values(await checked_form(request), appointments.FIELDS)
    body = appointments.consultation_body(values)
    _, refusal = await send_form(rpc, ops.RECORD_CONSULTATION, body, caller)
    if refusal:
        anchor = appointments.ANCHOR
        return await overview(request, caller, rpc, values, refusal, refused_form=anchor)
    return RedirectResponse(f"/ui/ehrenamt?erfasst=1#{appointments.ANCHOR}", status_code=303)


def _records(caller: Caller) -> bool:
    # The list sits under the form, which only those who record consultations see.
    return caller.role in (Role.coordinator, Role.caseworker)


async def volunteers(rpc: Rpc, caller: Caller) -> list[c.VolunteerView]:
    """The active volunteers the caller sees."""
    return (await rpc.send(ops.LIST_VOLUNTEERS, c.ListVolunteers(), caller)).volunteers


async def recent_appointments(rpc: Rpc, caller: Caller) -> list[c.ConsultationEntry]:
    """The individual appointments the caller sees, newest first."""
    query = c.ListConsultations(appointments_only=True, limit=20)
    return (await rpc.send(ops.LIST_CONSULTATIONS, query, caller)).consultations


async def overview(
    request: Request,
    caller: Caller,
    rpc: Rpc,
    consultation: dict[str, str],
    refusal: Refusal | None = None,
    *,
    refused_form: str | None = None,
    recorded: bool = False,
) -> Response:
    """The overview with the consultation form's values; `refused_form` names the form a
    refusal belongs to (its messages are shown there), `recorded` confirms a consultation."""
    people = await volunteers(rpc, caller)
    tandems = (await rpc.send(ops.LIST_TANDEMS, c.ListTandems(), caller)).tandems
    context = {
        "volunteers": people,
        "tandems": tandems,
        "names": {v.volunteer_id: v for v in people},
        "today": today().isoformat(),
        "form": consultation,
        "refused_form": refused_form,
        "recorded": recorded,
        "appointments": await recent_appointments(rpc, caller) if _records(caller) else [],
    }
    return page(request, "volunteer/overview.html", context, refusal)
