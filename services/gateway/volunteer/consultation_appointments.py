"""Individual consultations by appointment (Einzeltermine nach Absprache): arrange one
(/ui/ehrenamt/einzeltermine/neu), move it (/ui/ehrenamt/einzeltermine/{id}), cancel it;
the open ones are listed on the programme's overview under the form that records
consultations, each with "als Beratung erfassen", which fills that form with the
appointment (recording it settles the appointment: the consultation takes its id).

Whoever arranges an appointment attends it: it is in their page "Termine" and their
calendar feed (services/gateway/calendar/). The place is free text the volunteer service
keeps (never in an event).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.exceptions import HTTPException

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.volunteer.page import page
from services.gateway.web.i18n import N_
from services.gateway.web.notices import notice, saved
from services.gateway.web.pickers import FieldChoices, Picks, pick_household, pick_tandem
from services.gateway.web.security import checked_form
from services.gateway.web.submit import Refusal, filled, form_values, send_form
from shared.clock import today
from shared.contracts.appointments import Appointment, AppointmentQuery
from shared.contracts.volunteer import operations as ops
from shared.identity import Caller

router = APIRouter(prefix="/ui/ehrenamt/einzeltermine", include_in_schema=False)

FIELDS = ("provider", "day", "at", "minutes", "place", "tandem_id", "household_id")
MOVE_FIELDS = ("day", "at", "minutes", "place")
# Where the open appointments are listed on the overview.
ANCHOR = "einzeltermine-offen"
OVERVIEW = "/ui/ehrenamt"
# The window of open appointments the overview lists: the last weeks (not yet recorded)
# and the coming months; within the query's limit (shared/contracts/appointments.py).
BACK = timedelta(days=60)
AHEAD = timedelta(days=330)

ARRANGED = notice("einzeltermin_vereinbart", N_("Der Einzeltermin ist vereinbart."))
MOVED = notice("einzeltermin_verschoben", N_("Der Einzeltermin ist verschoben."))
CANCELLED = notice("einzeltermin_abgesagt", N_("Der Einzeltermin ist abgesagt."))


async def open_appointments(rpc: Rpc, caller: Caller) -> list[Appointment]:
    """The open individual appointments the caller's scope holds (everyone's, not only
    the caller's: a colleague's appointment may be recorded by whoever held it)."""
    if not ops.APPOINTMENTS.allows(caller.role):
        return []
    first = today() - BACK
    query = AppointmentQuery(from_day=first, to_day=first + BACK + AHEAD, mine=False)
    return (await rpc.send(ops.APPOINTMENTS, query, caller)).appointments


def settling_values(appointment: Appointment) -> dict[str, str]:
    """The record form filled with the appointment ("als Beratung erfassen")."""
    return {
        "appointment_id": str(appointment.appointment_id),
        "provider": appointment.provider or "",
        "held_on": appointment.day.isoformat(),
        "appointment": "on",
        "channel": "in_person",
        "duration_minutes": str(appointment.minutes),
        "tandem_id": str(appointment.tandem_id) if appointment.tandem_id else "",
        "household_id": str(appointment.household_id) if appointment.household_id else "",
    }


async def _found(rpc: Rpc, caller: Caller, appointment_id: UUID) -> Appointment:
    for appointment in await open_appointments(rpc, caller):
        if appointment.appointment_id == appointment_id:
            return appointment
    # Another provider's appointment is as unknown as one that does not exist.
    raise HTTPException(404)


@router.get("/neu", response_class=HTMLResponse)
async def new_appointment(request: Request, caller: CurrentCaller) -> Response:
    start = {"provider": caller.provider or "", "day": today().isoformat(), "minutes": "60"}
    return _arrange_page(request, form_values(start, FIELDS))


@router.post("/neu", response_class=HTMLResponse)
async def arrange(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """Arrange it; a refusal comes back with every typed value and the message at its field."""
    submitted = await checked_form(request)
    values = form_values(submitted, FIELDS)
    picks = Picks()
    picks.add("household_id", await pick_household(rpc, caller, submitted, "household_id"))
    picks.add("tandem_id", await pick_tandem(rpc, caller, submitted, "tandem_id"))
    if refusal := picks.refusal():
        return _arrange_page(request, values, refusal, picks.choices)
    body: dict[str, Any] = filled({**values, **picks.values}, *FIELDS)
    body["provider"] = values["provider"]
    _, refusal = await send_form(rpc, ops.ARRANGE_CONSULTATION, body, caller, known=FIELDS)
    if refusal:
        return _arrange_page(request, values, refusal)
    return saved(OVERVIEW, ARRANGED, anchor=ANCHOR)


def _arrange_page(
    request: Request,
    values: dict[str, str],
    refusal: Refusal | None = None,
    choices: FieldChoices | None = None,
) -> Response:
    context = {"form": values, "choices": choices or {}}
    return page(request, "volunteer/consultation_appointment_new.html", context, refusal)


@router.get("/{appointment_id}", response_class=HTMLResponse)
async def appointment_page(
    appointment_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """The open appointment with the forms to move and to cancel it."""
    appointment = await _found(rpc, caller, appointment_id)
    start = {
        "day": appointment.day.isoformat(),
        "at": appointment.at.strftime("%H:%M") if appointment.at else "",
        "minutes": str(appointment.minutes),
        "place": appointment.place or "",
    }
    return _move_page(request, appointment, form_values(start, MOVE_FIELDS))


@router.post("/{appointment_id}", response_class=HTMLResponse)
async def move(appointment_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    submitted = await checked_form(request)
    values = form_values(submitted, MOVE_FIELDS)
    appointment = await _found(rpc, caller, appointment_id)
    body = filled(values, *MOVE_FIELDS)
    op = ops.MOVE_CONSULTATION
    _, refusal = await send_form(rpc, op, body, caller, on=appointment_id, known=MOVE_FIELDS)
    if refusal:
        return _move_page(request, appointment, values, refusal)
    return saved(OVERVIEW, MOVED, anchor=ANCHOR)


@router.post("/{appointment_id}/absagen", response_class=HTMLResponse)
async def cancel(
    appointment_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    await checked_form(request)
    appointment = await _found(rpc, caller, appointment_id)
    op = ops.CANCEL_CONSULTATION
    _, refusal = await send_form(rpc, op, {}, caller, on=appointment_id)
    if refusal:
        return _move_page(request, appointment, form_values({}, MOVE_FIELDS), refusal)
    return saved(OVERVIEW, CANCELLED, anchor=ANCHOR)


def _move_page(
    request: Request,
    appointment: Appointment,
    values: dict[str, str],
    refusal: Refusal | None = None,
) -> Response:
    context = {"form": values, "appointment": appointment}
    return page(request, "volunteer/consultation_appointment.html", context, refusal)
