"""Pages for the volunteer programme: volunteers, tandems, office hours with quick entry of
consultations, workshops (case staff, under /ui/ehrenamt), and a volunteer's own tandems
(under /ui/tandems). Each area's pages live in their own module; this one joins them and
shows the overview.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.ui import (
    volunteering_office_hours,
    volunteering_own_tandems,
    volunteering_people,
    volunteering_tandems,
    volunteering_workshops,
)

router = APIRouter(prefix="/ui", include_in_schema=False)


@router.get("/ehrenamt", response_class=HTMLResponse)
async def overview(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """Volunteers and active tandems of the caller's scope, and links to every form."""
    return await volunteering_tandems.overview(request, caller, rpc)


for _area in (
    volunteering_people,
    volunteering_tandems,
    volunteering_office_hours,
    volunteering_workshops,
    volunteering_own_tandems,
):
    # Copied, not included: an included router's routes report their template without
    # "/ui" (FastAPI 0.165), and the gateway's policy decides by the full template.
    router.routes.extend(_area.router.routes)
