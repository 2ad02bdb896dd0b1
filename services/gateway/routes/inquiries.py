"""The central inquiry inbox (intake): receive, list, show and triage inquiries."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Path

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.errors import documented
from shared.contracts.intake import (
    GetInquiry,
    Inquiries,
    InquiryRef,
    InquiryView,
    ListInquiries,
    ReceiveInquiry,
    TriageInquiryBody,
)

router = APIRouter(prefix="/api/inquiries", tags=["Anfragen"])

InquiryId = Annotated[UUID, Path(description="Kennung der Anfrage")]


@router.post(
    "",
    status_code=201,
    response_model=InquiryRef,
    summary="Anfrage im zentralen Posteingang erfassen",
    responses=documented(409),
)
async def receive_inquiry(body: ReceiveInquiry, caller: CurrentCaller, rpc: Rpc) -> InquiryRef:
    """Anfrage im zentralen Posteingang erfassen (nur Koordination)."""
    return InquiryRef.model_validate(await rpc.call("intake", "receive_inquiry", body, caller))


@router.get("", response_model=Inquiries, summary="Posteingang")
async def list_inquiries(
    query: Annotated[ListInquiries, Depends()], caller: CurrentCaller, rpc: Rpc
) -> Inquiries:
    """Posteingang: Anfragen, die am längsten warten, zuerst (nur Koordination)."""
    return Inquiries.model_validate(await rpc.call("intake", "list_inquiries", query, caller))


@router.get(
    "/{inquiry_id}",
    response_model=InquiryView,
    summary="Anfrage mit Verlauf anzeigen",
    responses=documented(404),
)
async def get_inquiry(inquiry_id: InquiryId, caller: CurrentCaller, rpc: Rpc) -> InquiryView:
    """Anfrage mit Verlauf anzeigen (nur Koordination)."""
    result = await rpc.call("intake", "get_inquiry", GetInquiry(inquiry_id=inquiry_id), caller)
    return InquiryView.model_validate(result)


@router.post(
    "/{inquiry_id}/triage",
    response_model=InquiryRef,
    summary="Anfrage bearbeiten",
    responses=documented(404, 409),
)
async def triage_inquiry(
    inquiry_id: InquiryId, body: TriageInquiryBody, caller: CurrentCaller, rpc: Rpc
) -> InquiryRef:
    """Anfrage bearbeiten: beantwortet, weitergeleitet oder als Haushaltsfall eröffnet."""
    payload: dict[str, Any] = {**body.model_dump(mode="json"), "inquiry_id": str(inquiry_id)}
    return InquiryRef.model_validate(await rpc.call("intake", "triage_inquiry", payload, caller))
