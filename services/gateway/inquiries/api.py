"""The central inquiry inbox (intake): receive, list, show and triage inquiries."""

from __future__ import annotations

from typing import Annotated
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
from shared.contracts.intake import operations as intake
from shared.contracts.operation import Addressed

router = APIRouter(prefix="/api/inquiries", tags=["Anfragen"])

InquiryId = Annotated[UUID, Path(description="Kennung der Anfrage")]


@router.post(
    "",
    status_code=201,
    summary="Anfrage im zentralen Posteingang erfassen",
    responses=documented(409),
)
async def receive_inquiry(body: ReceiveInquiry, caller: CurrentCaller, rpc: Rpc) -> InquiryRef:
    """Anfrage im zentralen Posteingang erfassen (nur Koordination)."""
    return await rpc.send(intake.RECEIVE_INQUIRY, body, caller)


@router.get("", summary="Posteingang")
async def list_inquiries(
    query: Annotated[ListInquiries, Depends()], caller: CurrentCaller, rpc: Rpc
) -> Inquiries:
    """Posteingang: Anfragen, die am längsten warten, zuerst (nur Koordination)."""
    return await rpc.send(intake.LIST_INQUIRIES, query, caller)


@router.get(
    "/{inquiry_id}",
    summary="Anfrage mit Verlauf anzeigen",
    responses=documented(404),
)
async def get_inquiry(inquiry_id: InquiryId, caller: CurrentCaller, rpc: Rpc) -> InquiryView:
    """Anfrage mit Verlauf anzeigen (nur Koordination)."""
    return await rpc.send(intake.GET_INQUIRY, GetInquiry(inquiry_id=inquiry_id), caller)


@router.post(
    "/{inquiry_id}/triage",
    summary="Anfrage bearbeiten",
    responses=documented(404, 409),
)
async def triage_inquiry(
    inquiry_id: InquiryId, body: TriageInquiryBody, caller: CurrentCaller, rpc: Rpc
) -> InquiryRef:
    """Anfrage bearbeiten: beantwortet, weitergeleitet oder als Haushaltsfall eröffnet."""
    return await rpc.send(intake.TRIAGE_INQUIRY, Addressed(id=inquiry_id, body=body), caller)
