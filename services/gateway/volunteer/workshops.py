"""Workshop pages: record a workshop held, show it with its participants, record who took
part, issue a participation certificate and link to its PDF (served by the API route)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.households.titles import household_titles
from services.gateway.letters.download import write_letter
from services.gateway.volunteer.page import page
from services.gateway.web.i18n import N_
from services.gateway.web.notices import notice, saved
from services.gateway.web.pickers import FieldChoices, pick_household
from services.gateway.web.security import checked_form
from services.gateway.web.submit import Refusal, filled, form_values, send_form
from shared.clock import today
from shared.contracts import volunteer as c
from shared.contracts.volunteer import operations as ops
from shared.identity import Caller

router = APIRouter(prefix="/ui", include_in_schema=False)

FIELDS = ("provider", "topic", "held_on", "site", "duration_minutes")
ATTENDEE_FIELDS = ("given_name", "family_name", "birth_date", "household_id")
HELD = notice("workshop_erfasst", N_("Der Workshop ist erfasst."))
ATTENDED = notice("teilnahme_erfasst", N_("Die Teilnahme ist erfasst."))
ISSUED = notice("bestaetigung_ausgestellt", N_("Die Teilnahmebestätigung ist ausgestellt."))


@router.get("/ehrenamt/workshops/neu", response_class=HTMLResponse)
async def new_workshop(request: Request, caller: CurrentCaller) -> Response:
    start = {"provider": caller.provider or "", "held_on": today().isoformat()}
    return page(request, "volunteer/workshop_new.html", {"form": form_values(start, FIELDS)})


@router.post("/ehrenamt/workshops/neu", response_class=HTMLResponse)
async def hold_workshop(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    values = form_values(await checked_form(request), FIELDS)
    body = {**filled(values, *FIELDS), "provider": values["provider"]}
    ref, refusal = await send_form(rpc, ops.HOLD_WORKSHOP, body, caller)
    if refusal:
        return page(request, "volunteer/workshop_new.html", {"form": values}, refusal)
    assert ref is not None  # send_form answers the workshop or the refusal
    return saved(f"/ui/ehrenamt/workshops/{ref.workshop_id}", HELD)


@router.get("/ehrenamt/workshops/{workshop_id}", response_class=HTMLResponse)
async def workshop_page(
    workshop_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """The workshop, its participants with their certificates, and the attendance form."""
    return await _workshop_page(request, caller, rpc, workshop_id, form_values({}, ATTENDEE_FIELDS))


@router.post("/ehrenamt/workshops/{workshop_id}/teilnahmen", response_class=HTMLResponse)
async def record_attendance(
    workshop_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    submitted = await checked_form(request)
    values = form_values(submitted, ATTENDEE_FIELDS)
    # The household is named as people know it; the picker finds its id (finding 9).
    picked = await pick_household(rpc, caller, submitted, "household_id")
    if refusal := picked.refusal("household_id"):
        choices = {"household_id": picked.choices}
        return await _workshop_page(request, caller, rpc, workshop_id, values, refusal, choices)
    body = filled({**values, "household_id": picked.value()}, *ATTENDEE_FIELDS)
    _, refusal = await send_form(rpc, ops.RECORD_ATTENDANCE, body, caller, on=workshop_id)
    if refusal:
        return await _workshop_page(request, caller, rpc, workshop_id, values, refusal)
    return saved(f"/ui/ehrenamt/workshops/{workshop_id}", ATTENDED, anchor="teilnehmende")


@router.post("/ehrenamt/workshops/{workshop_id}/bestaetigungen", response_class=HTMLResponse)
async def issue_certificate(
    workshop_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    submitted = await checked_form(request)
    body = {"attendee_id": submitted.get("attendee_id", "")}
    _, refusal = await send_form(rpc, ops.ISSUE_CERTIFICATE, body, caller, on=workshop_id)
    if refusal:
        values = form_values({}, ATTENDEE_FIELDS)
        general = refusal.general or N_("Die Bestätigung konnte nicht ausgestellt werden.")
        refusal = Refusal(refusal.status, general=general)
        return await _workshop_page(request, caller, rpc, workshop_id, values, refusal)
    return saved(f"/ui/ehrenamt/workshops/{workshop_id}", ISSUED, anchor="teilnehmende")


@router.post("/ehrenamt/workshops/{workshop_id}/bestaetigungen/{certificate_id}/brief")
async def print_certificate(
    workshop_id: UUID, certificate_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """The certificate from the municipality's template (services/gateway/letters)."""
    await checked_form(request)
    body = {"kind": "certificate", "subject_id": workshop_id, "about": certificate_id}
    return await write_letter(rpc, ops.WRITE_LETTER, body, caller)


async def _workshop_page(
    request: Request,
    caller: Caller,
    rpc: Rpc,
    workshop_id: UUID,
    values: dict[str, str],
    refusal: Refusal | None = None,
    choices: FieldChoices | None = None,
) -> Response:
    workshop = await rpc.send(ops.GET_WORKSHOP, c.ById(id=workshop_id), caller)
    shown = [a.household_id for a in workshop.attendees if a.household_id]
    titles = await household_titles(rpc, caller, shown)
    context = {"workshop": workshop, "form": values, "titles": titles, "choices": choices or {}}
    return page(request, "volunteer/workshop.html", context, refusal)
