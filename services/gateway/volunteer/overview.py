"""The volunteer programme's overview (/ui/ehrenamt): volunteers and active tandems of the
caller's scope, each a page at a time (filters, sort and page in the URL, each list with
parameters of its own), each tandem with a form to end it, and the form to record a
consultation outside an office hour (appointments.py). The forms posted from here come
back to it on a refusal; a stored consultation leads back to it, which confirms it."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.households.titles import household_titles
from services.gateway.volunteer import appointments, consultation_appointments
from services.gateway.volunteer.page import page
from services.gateway.web.i18n import N_
from services.gateway.web.list_query import beyond_last, list_query
from services.gateway.web.notices import notice, saved
from services.gateway.web.pickers import FieldChoices, Picks, pick_household, pick_tandem
from services.gateway.web.security import checked_form
from services.gateway.web.submit import Refusal, form_values, send_form
from shared.clock import today
from shared.contracts import volunteer as c
from shared.contracts.places import LANGUAGES, districts_of, providers_of
from shared.contracts.volunteer import operations as ops
from shared.identity import Caller, Role

router = APIRouter(prefix="/ui", include_in_schema=False)


# Each list on the page has its own parameters: the volunteers' plain, the tandems'
# and the appointments' prefixed, so paging one leaves the others where they are.
TANDEMS = "t_"
APPOINTMENTS = "b_"
RECORDED = notice("beratung_erfasst", N_("Die Beratung ist erfasst."))


@router.get("/ehrenamt", response_class=HTMLResponse)
async def overview_page(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """Volunteers and active tandems of the caller's scope, each a page at a time with its
    filters and sort in the URL, links to every form, and the form for a consultation
    outside an office hour."""
    consultation = appointments.blank_form(caller)
    settling = request.query_params.get("termin")  # "als Beratung erfassen"
    return await overview(request, caller, rpc, consultation, settling=settling)


@router.post("/ehrenamt/beratungen", response_class=HTMLResponse)
async def record_consultation(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """A consultation outside an office hour; a refusal comes back on the overview with
    every typed value and the message beside its field."""
    submitted = await checked_form(request)
    values = form_values(submitted, appointments.FIELDS)
    anchor = appointments.ANCHOR
    # The household and the tandem are named as people know them (finding 9).
    picks = Picks()
    picks.add("household_id", await pick_household(rpc, caller, submitted, "household_id"))
    picks.add("tandem_id", await pick_tandem(rpc, caller, submitted, "tandem_id"))
    if refusal := picks.refusal():
        return await overview(
            request, caller, rpc, values, refusal, refused_form=anchor, choices=picks.choices
        )
    body = appointments.consultation_body({**values, **picks.values})
    _, refusal = await send_form(rpc, ops.RECORD_CONSULTATION, body, caller)
    if refusal:
        return await overview(request, caller, rpc, values, refusal, refused_form=anchor)
    return saved("/ui/ehrenamt", RECORDED, anchor=appointments.ANCHOR)


def _records(caller: Caller) -> bool:
    # The list sits under the form, which only those who record consultations see.
    return caller.role in (Role.coordinator, Role.caseworker)


async def overview(
    request: Request,
    caller: Caller,
    rpc: Rpc,
    consultation: dict[str, str],
    refusal: Refusal | None = None,
    *,
    refused_form: str | None = None,
    choices: FieldChoices | None = None,
    settling: str | None = None,
) -> Response:
    """The overview with the consultation form's values; `refused_form` names the form a
    refusal belongs to (its messages are shown there), `choices` the matches of its
    pickers to choose from; `settling` the id of an open appointment that fills the form."""
    volunteer_query = list_query(request, c.ListVolunteers)
    tandem_query = list_query(request, c.ListTandems, TANDEMS)
    people = await rpc.send(ops.LIST_VOLUNTEERS, volunteer_query, caller)
    if (last := beyond_last(volunteer_query, people.page)) is not None:
        volunteer_query, people = last, await rpc.send(ops.LIST_VOLUNTEERS, last, caller)
    tandems = await rpc.send(ops.LIST_TANDEMS, tandem_query, caller)
    if (last_tandems := beyond_last(tandem_query, tandems.page)) is not None:
        tandem_query = last_tandems
        tandems = await rpc.send(ops.LIST_TANDEMS, tandem_query, caller)
    context: dict[str, Any] = {
        "volunteers": people,
        "volunteer_query": volunteer_query,
        "tandems": tandems,
        "tandem_query": tandem_query,
        "today": today().isoformat(),
        "form": consultation,
        "refused_form": refused_form,
        "providers": {} if caller.role is Role.caseworker else providers_of(caller.municipality),
        "districts": districts_of(caller.municipality),
        "languages": LANGUAGES,
    }
    shown_households = [t.household_id for t in tandems.tandems]
    if _records(caller):
        appointment_query = list_query(request, c.ListConsultations, APPOINTMENTS)
        appointment_query = appointment_query.model_copy(update={"appointments_only": True})
        found = await rpc.send(ops.LIST_CONSULTATIONS, appointment_query, caller)
        if (last_appointments := beyond_last(appointment_query, found.page)) is not None:
            appointment_query = last_appointments
            found = await rpc.send(ops.LIST_CONSULTATIONS, appointment_query, caller)
        shown_households += [b.household_id for b in found.consultations if b.household_id]
        arranged = await consultation_appointments.open_appointments(rpc, caller)
        shown_households += [a.household_id for a in arranged if a.household_id]
        for a in arranged:
            if str(a.appointment_id) == settling:
                consultation.update(consultation_appointments.settling_values(a))
        context |= {
            "open_appointments": arranged,
            "appointments": found,
            "appointment_query": appointment_query,
            "choices": choices or {},
        }
    # Titles only of households intake lets the caller see; the others keep a neutral one.
    context["titles"] = await household_titles(rpc, caller, shown_households)
    return page(request, "volunteer/overview.html", context, refusal)
