"""The offer's letters: `POST /ui/wohnungen/{id}/brief` writes the guarantee request to the
Jobcenter or the proposal to the landlord and answers with it (services/gateway/letters/
download.py); placement decides who may (services/placement/application/letters.py)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.letters.download import write_letter
from services.gateway.web.security import checked_form
from shared.contracts.placement import operations as ops


async def write_offer_letter(
    offer_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    submitted = await checked_form(request)
    body = {"kind": submitted.get("kind", ""), "subject_id": offer_id}
    if submitted.get("about"):
        body["about"] = submitted["about"]
    return await write_letter(rpc, ops.WRITE_LETTER, body, caller)


def install(router: APIRouter) -> None:
    """Add the letter button's POST route to the offers' pages router."""
    router.add_api_route("/{offer_id}/brief", write_offer_letter, methods=["POST"])
