"""An offer's documents: the upload form of its page (`POST /ui/wohnungen/{id}/unterlagen`),
the download (`GET /ui/wohnungen/{id}/unterlagen/{doc}`) and the API
(`/api/offers/{id}/documents`), the coordination's alone (services/placement/application/
documents.py says why). The section itself: services/gateway/web/documents.py.
"""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.errors import documented
from services.gateway.placement.offer_page import offer_page
from services.gateway.web import documents
from shared.contracts.documents import PER_PAGE, DocumentRef, UploadDocument
from shared.contracts.operation import Addressed
from shared.contracts.placement import operations as ops

api_router = APIRouter(prefix="/api/offers", tags=["Vermittlung"])
OfferId = Annotated[UUID, Path(description="Kennung des Wohnungsangebots")]
DocumentId = Annotated[UUID, Path(description="Kennung der Unterlage")]


async def upload_offer_document(
    offer_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """File a document with the offer; its page shows it first."""

    async def again(**state: Any) -> HTMLResponse:
        status_code = state.pop("status_code", 200)
        document_form = documents.form_state(state.pop("active", None), **state)
        return await offer_page(
            request, caller, rpc, offer_id, status_code=status_code, document_form=document_form
        )

    return await documents.post_document(
        request, rpc, caller, ops.UPLOAD_DOCUMENT, offer_id, f"/ui/wohnungen/{offer_id}", again
    )


async def download_offer_document(
    offer_id: UUID, document_id: UUID, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """One document of the offer, as a file to save (access-logged)."""
    return await documents.download(rpc, caller, ops.FETCH_DOCUMENT, offer_id, document_id)


def install(router: APIRouter) -> None:
    """Add the upload's and the download's routes to the offers' pages router."""
    router.add_api_route(
        f"/{{offer_id}}/{documents.ANCHOR}",
        upload_offer_document,
        methods=["POST"],
        response_class=HTMLResponse,
    )
    router.add_api_route(
        f"/{{offer_id}}/{documents.ANCHOR}/{{document_id}}",
        download_offer_document,
        methods=["GET"],
    )


@api_router.get(
    "/{offer_id}/documents", summary="Unterlagen zum Wohnungsangebot", responses=documented(404)
)
async def offer_documents(
    offer_id: OfferId,
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    page: documents.PageParameter = 1,
    per_page: documents.PerPageParameter = PER_PAGE,
) -> documents.Documents:
    """Die Unterlagen zum Angebot, neueste zuerst, ohne Inhalt (nur die Koordination)."""
    return await documents.list_for_api(
        request, rpc, caller, ops.LIST_DOCUMENTS, offer_id, page, per_page
    )


@api_router.post(
    "/{offer_id}/documents",
    status_code=201,
    summary="Unterlage zum Wohnungsangebot ablegen",
    responses=documented(404, 409),
)
async def upload_offer_document_api(
    offer_id: OfferId, body: UploadDocument, caller: CurrentCaller, rpc: Rpc
) -> DocumentRef:
    """Eine Unterlage (PDF, JPEG oder PNG, höchstens 5 MB, Inhalt base64-kodiert) zum
    Angebot. Die Art wird am Inhalt erkannt, nicht am Namen. Mit eigener `document_id`
    speichert ein wiederholtes Senden sie einmal."""
    return await rpc.send(ops.UPLOAD_DOCUMENT, Addressed(id=offer_id, body=body), caller)


@api_router.get(
    "/{offer_id}/documents/{document_id}",
    summary="Unterlage zum Wohnungsangebot herunterladen",
    responses=documented(404),
    response_class=Response,
)
async def download_offer_document_api(
    offer_id: OfferId, document_id: DocumentId, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """Die Datei der Unterlage, immer als Anhang (jeder Abruf wird protokolliert)."""
    return await documents.download(rpc, caller, ops.FETCH_DOCUMENT, offer_id, document_id)
