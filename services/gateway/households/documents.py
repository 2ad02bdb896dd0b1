"""A household's documents: the upload form of its page (`POST
/ui/haushalte/{id}/unterlagen`), the download (`GET /ui/haushalte/{id}/unterlagen/{doc}`)
and the API (`/api/households/{id}/documents`). The section itself:
services/gateway/web/documents.py.
"""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.errors import documented
from services.gateway.households.page import household_page
from services.gateway.web import documents
from shared.contracts.documents import PER_PAGE, DocumentRef, UploadDocument
from shared.contracts.intake import operations as intake
from shared.contracts.operation import Addressed

router = APIRouter(prefix="/ui", include_in_schema=False)
api_router = APIRouter(prefix="/api/households", tags=["Haushalte"])
HouseholdId = Annotated[UUID, Path(description="Kennung des Haushalts")]
DocumentId = Annotated[UUID, Path(description="Kennung der Unterlage")]


@router.post(f"/haushalte/{{household_id}}/{documents.ANCHOR}", response_class=HTMLResponse)
async def upload_household_document(
    household_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """File a document with the household; its page shows it first."""

    async def again(**state: Any) -> HTMLResponse:
        return await household_page(request, caller, rpc, household_id, **state)

    return await documents.post_document(
        request,
        rpc,
        caller,
        intake.UPLOAD_DOCUMENT,
        household_id,
        f"/ui/haushalte/{household_id}",
        again,
    )


@router.get(f"/haushalte/{{household_id}}/{documents.ANCHOR}/{{document_id}}")
async def download_household_document(
    household_id: UUID, document_id: UUID, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """One document of the household, as a file to save (access-logged)."""
    return await documents.download(rpc, caller, intake.FETCH_DOCUMENT, household_id, document_id)


@api_router.get("/{household_id}/documents", summary="Unterlagen", responses=documented(404))
async def household_documents(
    household_id: HouseholdId,
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    page: documents.PageParameter = 1,
    per_page: documents.PerPageParameter = PER_PAGE,
) -> documents.Documents:
    """Die Unterlagen des Haushalts, neueste zuerst, ohne Inhalt (Koordination und
    Fachkräfte des Trägers)."""
    return await documents.list_for_api(
        request, rpc, caller, intake.LIST_DOCUMENTS, household_id, page, per_page
    )


@api_router.post(
    "/{household_id}/documents",
    status_code=201,
    summary="Unterlage ablegen",
    responses=documented(404, 409),
)
async def upload_household_document_api(
    household_id: HouseholdId, body: UploadDocument, caller: CurrentCaller, rpc: Rpc
) -> DocumentRef:
    """Eine Unterlage (PDF, JPEG oder PNG, höchstens 5 MB, Inhalt base64-kodiert) zum
    Haushalt. Die Art wird am Inhalt erkannt, nicht am Namen. Mit eigener `document_id`
    speichert ein wiederholtes Senden sie einmal."""
    return await rpc.send(intake.UPLOAD_DOCUMENT, Addressed(id=household_id, body=body), caller)


@api_router.get(
    "/{household_id}/documents/{document_id}",
    summary="Unterlage herunterladen",
    responses=documented(404),
    response_class=Response,
)
async def download_household_document_api(
    household_id: HouseholdId, document_id: DocumentId, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """Die Datei der Unterlage, immer als Anhang (jeder Abruf wird protokolliert)."""
    return await documents.download(rpc, caller, intake.FETCH_DOCUMENT, household_id, document_id)
