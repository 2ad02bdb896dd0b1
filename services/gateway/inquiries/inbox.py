"""The central inquiry inbox (Posteingang, coordination only): the inquiries with the open
ones first and a form to record an incoming one (inquiry.py shows one inquiry).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.inquiries.forms import (
    RECEIVE_FIELDS,
    RULES_AT_FIELD,
    SHOWN,
    page,
    receive_body,
)
from services.gateway.web.security import checked_form
from services.gateway.web.submit import Refusal, form_values, send_form
from shared.contracts.intake import InquirySummary, ListInquiries
from shared.contracts.intake import operations as intake
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
    ref, refusal = await send_form(
        rpc,
        intake.RECEIVE_INQUIRY,
        receive_body(values),
        caller,
        rules_at_field=RULES_AT_FIELD,
        shown=SHOWN,
    )
    if ref is None:
        return await _inbox_page(request, caller, rpc, values, refusal=refusal)
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
    listed = await rpc.send(intake.LIST_INQUIRIES, ListInquiries(open_only=open_only), caller)
    context = {"inquiries": open_first(listed.items), "open_only": open_only, "form": values}
    return page(request, "inquiries/inbox.html", context, refusal)
