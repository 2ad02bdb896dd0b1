"""The offer's letters: `POST /ui/wohnungen/{id}/brief` writes the guarantee request to the
Jobcenter or the proposal to the landlord; placement keeps it with the offer's documents
and the coordination's browser is sent to its download, a caseworker's gets the letter
itself (services/gateway/letters/download.py). Placement decides who may
(services/placement/application/letters.py)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.letters.download import write_letter
from services.gateway.web import documents
from services.gateway.web.security import checked_form
from shared.contracts.placement import operations as ops


async def write_offer_letter(
    offer_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    submitted = await checked_form(request)
    body = {"kind": submitted.get("kind", ""), "subject_id": offer_id}
    if submitted.get("about"):
        body["about"] = submitted["about"]
    return await write_letter(rpc, ops.WRITE_LETTER, body, caller, document_path=_download)


def _download(offer_id: UUID, document_id: UUID) -> str:
    """The kept letter's download among the offer's documents (placement/offer_documents.py)."""
    return f"/ui/wohnungen/{offer_id}/{documents.ANCHOR}/{document_id}"


def install(router: APIRouter) -> None:
    """Add the letter button's POST route to the offers' pages router."""
    router.add_api_route("/{offer_id}/brief", write_offer_letter, methods=["POST"])
