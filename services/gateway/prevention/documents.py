"""A Wohnintegrationshilfe case's documents: the upload form of its page (`POST
/ui/praevention/{id}/unterlagen`), the download (`GET /ui/praevention/{id}/unterlagen/{doc}`)
and the API (`/api/prevention/cases/{id}/documents`). The section itself:
services/gateway/web/documents.py.
"""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.errors import documented
from services.gateway.prevention.case import case_page
from services.gateway.web import documents
from shared.contracts.documents import PER_PAGE, DocumentRef, UploadDocument
from shared.contracts.operation import Addressed
from shared.contracts.prevention import operations as ops

api_router = APIRouter(prefix="/api/prevention/cases", tags=["Wohnintegrationshilfe"])
CaseId = Annotated[UUID, Path(description="Kennung des Falls")]
DocumentId = Annotated[UUID, Path(description="Kennung der Unterlage")]


async def upload_case_document(
    case_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """File a document with the case; its page shows it first."""

    async def again(**state: Any) -> HTMLResponse:
        return await case_page(request, caller, rpc, case_id, **state)

    return await documents.post_document(
        request, rpc, caller, ops.UPLOAD_DOCUMENT, case_id, f"/ui/praevention/{case_id}", again
    )


async def download_case_document(
    case_id: UUID, document_id: UUID, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """One document of the case, as a file to save (access-logged)."""
    return await documents.download(rpc, caller, ops.FETCH_DOCUMENT, case_id, document_id)


def install(router: APIRouter) -> None:
    """Add the upload's and the download's routes to the area's pages router (before
    `/{case_id}`)."""
    router.add_api_route(
        f"/{{case_id}}/{documents.ANCHOR}",
        upload_case_document,
        methods=["POST"],
        response_class=HTMLResponse,
    )
    router.add_api_route(
        f"/{{case_id}}/{documents.ANCHOR}/{{document_id}}",
        download_case_document,
        methods=["GET"],
    )


@api_router.get("/{case_id}/documents", summary="Unterlagen zum Fall", responses=documented(404))
async def case_documents(
    case_id: CaseId,
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    page: documents.PageParameter = 1,
    per_page: documents.PerPageParameter = PER_PAGE,
) -> documents.Documents:
    """Die Unterlagen zum Fall, neueste zuerst, ohne Inhalt (wer den Fall sieht)."""
    return await documents.list_for_api(
        request, rpc, caller, ops.LIST_DOCUMENTS, case_id, page, per_page
    )


@api_router.post(
    "/{case_id}/documents",
    status_code=201,
    summary="Unterlage zum Fall ablegen",
    responses=documented(404, 409),
)
async def upload_case_document_api(
    case_id: CaseId, body: UploadDocument, caller: CurrentCaller, rpc: Rpc
) -> DocumentRef:
    """Eine Unterlage (PDF, JPEG oder PNG, höchstens 5 MB, Inhalt base64-kodiert) zum
    Fall. Die Art wird am Inhalt erkannt, nicht am Namen. Mit eigener `document_id`
    speichert ein wiederholtes Senden sie einmal."""
    return await rpc.send(ops.UPLOAD_DOCUMENT, Addressed(id=case_id, body=body), caller)


@api_router.get(
    "/{case_id}/documents/{document_id}",
    summary="Unterlage zum Fall herunterladen",
    responses=documented(404),
    response_class=Response,
)
async def download_case_document_api(
    case_id: CaseId, document_id: DocumentId, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """Die Datei der Unterlage, immer als Anhang (jeder Abruf wird protokolliert)."""
    return await documents.download(rpc, caller, ops.FETCH_DOCUMENT, case_id, document_id)
