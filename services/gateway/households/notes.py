"""A household's case notes: the form of its page (`POST /ui/haushalte/{id}/notizen`) and
the API (`/api/households/{id}/notes`). The section itself: services/gateway/web/notes.py.
"""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.errors import documented
from services.gateway.households.page import household_page
from services.gateway.web import notes
from shared.contracts.intake import operations as intake
from shared.contracts.notes import PER_PAGE, NoteRef, WriteNote
from shared.contracts.operation import Addressed

router = APIRouter(prefix="/ui", include_in_schema=False)
api_router = APIRouter(prefix="/api/households", tags=["Haushalte"])
HouseholdId = Annotated[UUID, Path(description="Kennung des Haushalts")]


@router.post(f"/haushalte/{{household_id}}/{notes.ANCHOR}", response_class=HTMLResponse)
async def write_household_note(
    household_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """Write a note on the household; its page shows it first."""

    async def again(**state: Any) -> HTMLResponse:
        return await household_page(request, caller, rpc, household_id, **state)

    return await notes.post_note(
        request,
        rpc,
        caller,
        intake.WRITE_NOTE,
        household_id,
        f"/ui/haushalte/{household_id}",
        again,
    )


@api_router.get("/{household_id}/notes", summary="Notizen", responses=documented(404))
async def household_notes(
    household_id: HouseholdId,
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    page: notes.PageParameter = 1,
    per_page: notes.PerPageParameter = PER_PAGE,
) -> notes.Notes:
    """Die Notizen zum Haushalt, neueste zuerst (Koordination und Fachkräfte des Trägers)."""
    return await notes.list_for_api(
        request, rpc, caller, intake.LIST_NOTES, household_id, page, per_page
    )


@api_router.post(
    "/{household_id}/notes",
    status_code=201,
    summary="Notiz schreiben",
    responses=documented(404, 409),
)
async def write_household_note_api(
    household_id: HouseholdId, body: WriteNote, caller: CurrentCaller, rpc: Rpc
) -> NoteRef:
    """Eine Notiz (Telefonat, Besuch, Brief, Gespräch) zum Haushalt. Mit eigener
    `note_id` speichert ein wiederholtes Senden sie einmal."""
    return await rpc.send(intake.WRITE_NOTE, Addressed(id=household_id, body=body), caller)
