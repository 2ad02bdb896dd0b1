"""The central inquiry inbox (Posteingang, coordination only): the inquiries with the open
ones first, a form to record an incoming one, and one inquiry with its history and the
triage form (answered, forwarded, or opened as a household case that the page links to).
"""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.ui import inquiries_labels
from services.gateway.ui.inquiries_forms import (
    RECEIVE_FIELDS,
    RULES_AT_FIELD,
    SHOWN,
    TRIAGE_FIELDS,
    receive_body,
    triage_body,
)
from services.gateway.web.security import checked_form
from services.gateway.web.submit import Refusal, form_values, send
from services.gateway.web.templating import render
from shared.contracts.intake import (
    GetInquiry,
    Inquiries,
    InquiryRef,
    InquirySummary,
    InquiryView,
    ListInquiries,
    ReceiveInquiry,
    TriageInquiryBody,
)
from shared.identity import Caller

router = APIRouter(prefix="/ui", include_in_schema=False)


@router.get("/anfragen", response_class=HTMLResponse)
async def inbox(
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    nur_offene: Annotated[bool, Query()] = False,
) -> Response:
    """Every inquiry (or only the open ones), open first, and the form to record one."""
    values = form_values({"channel": "email"}, RECEIVE_FIELDS)
    return await _inbox_page(request, caller, rpc, values, open_only=nur_offene)


@router.post("/anfragen", response_class=HTMLResponse)
async def receive(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    values = form_values(await checked_form(request), RECEIVE_FIELDS)
    body = receive_body(values)
    name, model = "receive_inquiry", ReceiveInquiry
    result, refusal = await send(
        rpc, "intake", name, model, body, caller, rules_at_field=RULES_AT_FIELD, shown=SHOWN
    )
    if refusal:
        return await _inbox_page(request, caller, rpc, values, refusal=refusal)
    ref = InquiryRef.model_validate(result)
    return RedirectResponse(f"/ui/anfragen/{ref.inquiry_id}", status_code=303)


def open_first(items: list[InquirySummary]) -> list[InquirySummary]:
    """Not yet triaged before triaged; otherwise the service's order (longest waiting first)."""
    return sorted(items, key=lambda item: item.last_outcome is not None)


async def _inbox_page(
    request: Request,
    caller: Caller,
    rpc: Rpc,
    values: dict[str, str],
    *,
    open_only: bool = False,
    refusal: Refusal | None = None,
) -> Response:
    query = ListInquiries(open_only=open_only)
    items = Inquiries.model_validate(await rpc.call("intake", "list_inquiries", query, caller))
    context = {"inquiries": open_first(items.items), "open_only": open_only, "form": values}
    return _page(request, "anfragen.html", context, refusal)


@router.get("/anfragen/{inquiry_id}", response_class=HTMLResponse)
async def inquiry_page(
    inquiry_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """The inquiry with sender, text and triage history, and the triage form."""
    values = form_values({"outcome": "answered"}, TRIAGE_FIELDS)
    return await _inquiry_page(request, caller, rpc, inquiry_id, values)


@router.post("/anfragen/{inquiry_id}/bearbeitung", response_class=HTMLResponse)
async def triage(inquiry_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    values = form_values(await checked_form(request), TRIAGE_FIELDS)
    body = triage_body(values)
    name, model = "triage_inquiry", TriageInquiryBody
    _, refusal = await send(
        rpc,
        "intake",
        name,
        model,
        body,
        caller,
        beside={"inquiry_id": str(inquiry_id)},
        rules_at_field=RULES_AT_FIELD,
        shown=SHOWN,
    )
    if refusal:
        return await _inquiry_page(request, caller, rpc, inquiry_id, values, refusal)
    return RedirectResponse(f"/ui/anfragen/{inquiry_id}", status_code=303)


async def _inquiry_page(
    request: Request,
    caller: Caller,
    rpc: Rpc,
    inquiry_id: UUID,
    values: dict[str, str],
    refusal: Refusal | None = None,
) -> Response:
    result = await rpc.call("intake", "get_inquiry", GetInquiry(inquiry_id=inquiry_id), caller)
    inquiry = InquiryView.model_validate(result)
    case = next((t.household_id for t in inquiry.triage if t.household_id), None)
    context = {"inquiry": inquiry, "case": case, "form": values}
    return _page(request, "anfragen_anfrage.html", context, refusal)


def _page(
    request: Request, name: str, context: dict[str, Any], refusal: Refusal | None
) -> HTMLResponse:
    shown = refusal or Refusal(200)
    full = {"li": inquiries_labels, "errors": shown.errors, "general": shown.general, **context}
    return render(request, name, full, status_code=shown.status)
