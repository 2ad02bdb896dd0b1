"""The volunteer programme's overview (/ui/ehrenamt): volunteers and active tandems of the
caller's scope, each tandem with a form to end it, and the form to record a consultation
outside an office hour. The forms posted from here come back to it on a refusal."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

from services.gateway.deps import Rpc
from services.gateway.ui.volunteering_forms import page
from services.gateway.web.submit import Refusal
from shared.clock import today
from shared.contracts import volunteer as c
from shared.identity import Caller, Role


def _records(caller: Caller) -> bool:
    # The list sits under the form, which only those who record consultations see.
    return caller.role in (Role.coordinator, Role.caseworker)


async def volunteers(rpc: Rpc, caller: Caller) -> list[c.VolunteerView]:
    """The active volunteers the caller sees."""
    result = await rpc.call("volunteer", "list_volunteers", c.ListVolunteers(), caller)
    return c.VolunteerList.model_validate(result).volunteers


async def recent_appointments(rpc: Rpc, caller: Caller) -> list[c.ConsultationEntry]:
    """The individual appointments the caller sees, newest first."""
    query = c.ListConsultations(appointments_only=True, limit=20)
    result = await rpc.call("volunteer", "list_consultations", query, caller)
    return c.ConsultationList.model_validate(result).consultations


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
    tandems = c.TandemList.model_validate(
        await rpc.call("volunteer", "list_tandems", c.ListTandems(), caller)
    ).tandems
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
    return page(request, "ehrenamt.html", context, refusal)
