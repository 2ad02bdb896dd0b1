"""A Wohnintegrationshilfe case's notes: the form of its page (`POST
/ui/praevention/{id}/notizen`) and the API (`/api/prevention/cases/{id}/notes`). The
section itself: services/gateway/web/notes.py.
"""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.errors import documented
from services.gateway.prevention.case import case_page
from services.gateway.web import notes
from shared.contracts.notes import PER_PAGE, NoteRef, WriteNote
from shared.contracts.operation import Addressed
from shared.contracts.prevention import operations as ops

api_router = APIRouter(prefix="/api/prevention/cases", tags=["Wohnintegrationshilfe"])
CaseId = Annotated[UUID, Path(description="Kennung des Falls")]


async def write_case_note(
    case_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """Write a note on the case; its page shows it first."""

    async def again(**state: Any) -> HTMLResponse:
        return await case_page(request, caller, rpc, case_id, **state)

    return await notes.post_note(
        request, rpc, caller, ops.WRITE_NOTE, case_id, f"/ui/praevention/{case_id}", again
    )


def install(router: APIRouter) -> None:
    """Add the note form's POST route to the area's pages router (before `/{case_id}`)."""
    router.add_api_route(
        f"/{{case_id}}/{notes.ANCHOR}",
        write_case_note,
        methods=["POST"],
        response_class=HTMLResponse,
    )


@api_router.get("/{case_id}/notes", summary="Notizen zum Fall", responses=documented(404))
async def case_notes(
    case_id: CaseId,
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    page: notes.PageParameter = 1,
    per_page: notes.PerPageParameter = PER_PAGE,
) -> notes.Notes:
    """Die Notizen zum Fall, neueste zuerst (wer den Fall sieht)."""
    return await notes.list_for_api(request, rpc, caller, ops.LIST_NOTES, case_id, page, per_page)


@api_router.post(
    "/{case_id}/notes",
    status_code=201,
    summary="Notiz zum Fall schreiben",
    responses=documented(404, 409),
)
async def write_case_note_api(
    case_id: CaseId, body: WriteNote, caller: CurrentCaller, rpc: Rpc
) -> NoteRef:
    """Eine Notiz (Telefonat, Besuch, Brief, Gespräch) zum Fall. Mit eigener `note_id`
    speichert ein wiederholtes Senden sie einmal."""
    return await rpc.send(ops.WRITE_NOTE, Addressed(id=case_id, body=body), caller)
