"""Consultations outside an office hour (an individual appointment, a call, an e-mail),
recorded with the form on the volunteer programme's overview. A refusal comes back on the
overview with every typed value and the message beside its field; a stored one leads back
to the overview, which confirms it."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.ui.volunteering_overview import overview
from services.gateway.web.security import checked_form
from services.gateway.web.submit import filled, form_values, send
from shared.clock import today
from shared.contracts import volunteer as c
from shared.identity import Caller

router = APIRouter(prefix="/ui", include_in_schema=False)

FIELDS = (
    "provider",
    "held_on",
    "appointment",
    "channel",
    "visitor",
    "topic",
    "duration_minutes",
    "tandem_id",
    "household_id",
)
ANCHOR = "einzeltermin"


def blank_form(caller: Caller) -> dict[str, str]:
    """The empty form: the caller's provider, today, an individual appointment in person."""
    start = {
        "provider": caller.provider or "",
        "held_on": today().isoformat(),
        "appointment": "on",
        "channel": "in_person",
    }
    return form_values(start, FIELDS)


def consultation_body(values: dict[str, str]) -> dict[str, object]:
    """The body of `record_consultation`; an unticked box is not sent by the browser."""
    body: dict[str, object] = {**filled(values, *FIELDS)}
    body["provider"] = values["provider"]
    body["appointment"] = bool(values["appointment"])
    return body


@router.post("/ehrenamt/beratungen", response_class=HTMLResponse)
async def record_consultation(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    values = form_values(await checked_form(request), FIELDS)
    body = consultation_body(values)
    _, refusal = await send(
        rpc, "volunteer", "record_consultation", c.RecordConsultation, body, caller
    )
    if refusal:
        return await overview(request, caller, rpc, values, refusal, refused_form=ANCHOR)
    return RedirectResponse(f"/ui/ehrenamt?erfasst=1#{ANCHOR}", status_code=303)
