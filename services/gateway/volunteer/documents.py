"""A volunteer's documents: the upload form of the volunteer's page (`POST
/ui/ehrenamt/ehrenamtliche/{id}/unterlagen`), the download (`GET …/unterlagen/{doc}`) and
the API (`/api/volunteers/{id}/documents`). Staff's alone, like the notes; the volunteer
themself reaches none (the operations' roles). The section itself:
services/gateway/web/documents.py.
"""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.errors import documented
from services.gateway.volunteer.volunteers import volunteer_page_with
from services.gateway.web import documents
from shared.contracts.documents import PER_PAGE, DocumentRef, UploadDocument
from shared.contracts.operation import Addressed
from shared.contracts.volunteer import operations as ops

router = APIRouter(prefix="/ui", include_in_schema=False)
api_router = APIRouter(prefix="/api/volunteers", tags=["Ehrenamt"])
VolunteerId = Annotated[UUID, Path(description="Kennung der/des Ehrenamtlichen")]
DocumentId = Annotated[UUID, Path(description="Kennung der Unterlage")]
PAGE = "/ehrenamt/ehrenamtliche/{volunteer_id}"


@router.post(f"{PAGE}/{documents.ANCHOR}", response_class=HTMLResponse)
async def upload_volunteer_document(
    volunteer_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """File a document on the volunteer; their page shows it first."""

    async def again(**state: Any) -> HTMLResponse:
        status = state.pop("status_code", 422)
        return await volunteer_page_with(
            request,
            caller,
            rpc,
            volunteer_id,
            documents_state=documents.form_state(state.pop("active", None), **state),
            status_code=status,
        )

    path = f"/ui/ehrenamt/ehrenamtliche/{volunteer_id}"
    return await documents.post_document(
        request, rpc, caller, ops.UPLOAD_DOCUMENT, volunteer_id, path, again
    )


@router.get(f"{PAGE}/{documents.ANCHOR}/{{document_id}}")
async def download_volunteer_document(
    volunteer_id: UUID, document_id: UUID, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """One document on the volunteer, as a file to save (access-logged)."""
    return await documents.download(rpc, caller, ops.FETCH_DOCUMENT, volunteer_id, document_id)


@api_router.get(
    "/{volunteer_id}/documents",
    summary="Unterlagen zur/zum Ehrenamtlichen",
    responses=documented(404),
)
async def volunteer_documents(
    volunteer_id: VolunteerId,
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    page: documents.PageParameter = 1,
    per_page: documents.PerPageParameter = PER_PAGE,
) -> documents.Documents:
    """Die Unterlagen zur/zum Ehrenamtlichen, neueste zuerst, ohne Inhalt (Koordination
    und Träger)."""
    return await documents.list_for_api(
        request, rpc, caller, ops.LIST_DOCUMENTS, volunteer_id, page, per_page
    )


@api_router.post(
    "/{volunteer_id}/documents",
    status_code=201,
    summary="Unterlage zur/zum Ehrenamtlichen ablegen",
    responses=documented(404, 409),
)
async def upload_volunteer_document_api(
    volunteer_id: VolunteerId, body: UploadDocument, caller: CurrentCaller, rpc: Rpc
) -> DocumentRef:
    """Eine Unterlage (PDF, JPEG oder PNG, höchstens 5 MB, Inhalt base64-kodiert) zur/zum
    Ehrenamtlichen. Die Art wird am Inhalt erkannt, nicht am Namen. Mit eigener
    `document_id` speichert ein wiederholtes Senden sie einmal."""
    return await rpc.send(ops.UPLOAD_DOCUMENT, Addressed(id=volunteer_id, body=body), caller)


@api_router.get(
    "/{volunteer_id}/documents/{document_id}",
    summary="Unterlage zur/zum Ehrenamtlichen herunterladen",
    responses=documented(404),
    response_class=Response,
)
async def download_volunteer_document_api(
    volunteer_id: VolunteerId, document_id: DocumentId, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """Die Datei der Unterlage, immer als Anhang (jeder Abruf wird protokolliert)."""
    return await documents.download(rpc, caller, ops.FETCH_DOCUMENT, volunteer_id, document_id)
