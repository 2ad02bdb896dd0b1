"""A volunteer's case notes over the API (`/api/volunteers/{id}/notes`): staff's, like the
section „Notizen“ of the volunteer's page (its form: volunteers.py; the section:
services/gateway/web/notes.py). The volunteer themself reads none (the operation's roles)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.errors import documented
from services.gateway.web import notes
from shared.contracts.notes import PER_PAGE, NoteRef, WriteNote
from shared.contracts.operation import Addressed
from shared.contracts.volunteer import operations as ops

router = APIRouter(prefix="/api/volunteers", tags=["Ehrenamt"])
VolunteerId = Annotated[UUID, Path(description="Kennung der/des Ehrenamtlichen")]


@router.get(
    "/{volunteer_id}/notes", summary="Notizen zur/zum Ehrenamtlichen", responses=documented(404)
)
async def volunteer_notes(
    volunteer_id: VolunteerId,
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    page: notes.PageParameter = 1,
    per_page: notes.PerPageParameter = PER_PAGE,
) -> notes.Notes:
    """Die Notizen zur/zum Ehrenamtlichen, neueste zuerst (Koordination und Träger)."""
    return await notes.list_for_api(
        request, rpc, caller, ops.LIST_NOTES, volunteer_id, page, per_page
    )


@router.post(
    "/{volunteer_id}/notes",
    status_code=201,
    summary="Notiz zur/zum Ehrenamtlichen schreiben",
    responses=documented(404, 409),
)
async def write_volunteer_note_api(
    volunteer_id: VolunteerId, body: WriteNote, caller: CurrentCaller, rpc: Rpc
) -> NoteRef:
    """Eine Notiz (Telefonat, Besuch, Brief, Gespräch) zur/zum Ehrenamtlichen. Mit eigener
    `note_id` speichert ein wiederholtes Senden sie einmal."""
    return await rpc.send(ops.WRITE_NOTE, Addressed(id=volunteer_id, body=body), caller)
