"""Pages for the volunteer programme: volunteers, tandems, office hours with quick entry of
consultations, consultations outside an office hour, workshops (case staff, under
/ui/ehrenamt), and a volunteer's own tandems (under /ui/tandems). Each area's pages live
in their own module; this one joins them and shows the overview.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.ui import (
    volunteering_appointments,
    volunteering_office_hours,
    volunteering_overview,
    volunteering_own_tandems,
    volunteering_people,
    volunteering_tandems,
    volunteering_workshops,
)

router = APIRouter(prefix="/ui", include_in_schema=False)


@router.get("/ehrenamt", response_class=HTMLResponse)
async def overview(
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    erfasst: Annotated[bool, Query()] = False,
) -> Response:
    """Volunteers and active tandems of the caller's scope, links to every form, and the
    form for a consultation outside an office hour (`erfasst`: one was just stored)."""
    consultation = volunteering_appointments.blank_form(caller)
    return await volunteering_overview.overview(
        request, caller, rpc, consultation, recorded=erfasst
    )


for _area in (
    volunteering_people,
    volunteering_tandems,
    volunteering_office_hours,
    volunteering_workshops,
    volunteering_own_tandems,
    volunteering_appointments,
):
    # Copied, not included: an included router's routes report their template without
    # "/ui" (FastAPI 0.165), and the gateway's policy decides by the full template.
    router.routes.extend(_area.router.routes)
