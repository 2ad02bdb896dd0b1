"""An offer's notes: the form of its page (`POST /ui/wohnungen/{id}/notizen`) and the API
(`/api/offers/{id}/notes`), the coordination's alone (services/placement/application/
notes.py says why). The section itself: services/gateway/web/notes.py.
"""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.errors import documented
from services.gateway.placement.offer_page import offer_page
from services.gateway.web import notes
from shared.contracts.notes import PER_PAGE, NoteRef, WriteNote
from shared.contracts.operation import Addressed
from shared.contracts.placement import operations as ops

api_router = APIRouter(prefix="/api/offers", tags=["Vermittlung"])
OfferId = Annotated[UUID, Path(description="Kennung des Wohnungsangebots")]


async def write_offer_note(
    offer_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """Write a note on the offer; its page shows it first."""

    async def again(**state: Any) -> HTMLResponse:
        status_code = state.pop("status_code", 200)
        note_form = notes.form_state(state.pop("active", None), **state)
        return await offer_page(
            request, caller, rpc, offer_id, status_code=status_code, note_form=note_form
        )

    return await notes.post_note(
        request, rpc, caller, ops.WRITE_NOTE, offer_id, f"/ui/wohnungen/{offer_id}", again
    )


def install(router: APIRouter) -> None:
    """Add the note form's POST route to the offers' pages router."""
    router.add_api_route(
        f"/{{offer_id}}/{notes.ANCHOR}",
        write_offer_note,
        methods=["POST"],
        response_class=HTMLResponse,
    )


@api_router.get(
    "/{offer_id}/notes", summary="Notizen zum Wohnungsangebot", responses=documented(404)
)
async def offer_notes(
    offer_id: OfferId,
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    page: notes.PageParameter = 1,
    per_page: notes.PerPageParameter = PER_PAGE,
) -> notes.Notes:
    """Die Notizen zum Angebot, neueste zuerst (nur die Koordination)."""
    return await notes.list_for_api(request, rpc, caller, ops.LIST_NOTES, offer_id, page, per_page)


@api_router.post(
    "/{offer_id}/notes",
    status_code=201,
    summary="Notiz zum Wohnungsangebot schreiben",
    responses=documented(404, 409),
)
async def write_offer_note_api(
    offer_id: OfferId, body: WriteNote, caller: CurrentCaller, rpc: Rpc
) -> NoteRef:
    """Eine Notiz (Telefonat, Besuch, Brief, Gespräch) zum Angebot. Mit eigener `note_id`
    speichert ein wiederholtes Senden sie einmal."""
    return await rpc.send(ops.WRITE_NOTE, Addressed(id=offer_id, body=body), caller)
