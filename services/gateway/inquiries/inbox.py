"""The central inquiry inbox (Posteingang, coordination only): one page of the inquiries,
open ones first unless sorted otherwise, filtered by dropdowns kept in the URL, and a form
to record an incoming one (inquiry.py shows one inquiry).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.households.titles import household_titles
from services.gateway.inquiries.forms import (
    RECEIVE_FIELDS,
    RULES_AT_FIELD,
    SHOWN,
    page,
    receive_body,
)
from services.gateway.web.security import checked_form
from services.gateway.web.submit import Refusal, form_values, send_form
from shared.contracts.intake import InquiryChannel, ListInquiries, SenderKind, TriageOutcome
from shared.contracts.intake import operations as intake
from shared.identity import Caller

# The list's own URL parameters (German words, apart from the fields of the receive form).
OPEN = "offen"
FILTERS = {"stand": "status", "weg": "channel", "absender": "sender_kind"}

router = APIRouter(prefix="/ui", include_in_schema=False)


@router.get("/anfragen", response_class=HTMLResponse)
async def inbox(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """One page of the inquiries (open first), and the form to record one."""
    values = form_values({"channel": "email"}, RECEIVE_FIELDS)
    return await _inbox_page(request, caller, rpc, values)


def list_query(request: Request) -> ListInquiries:
    """The list the URL asks for; a value that is no choice of its dropdown is left out."""
    params = request.query_params
    asked: dict[str, Any] = {"open_only": False}
    stand = params.get("stand", "")
    if stand == OPEN:
        asked["open_only"] = True
    elif stand in TriageOutcome.__members__:
        asked["outcome"] = stand
    if params.get("weg", "") in InquiryChannel.__members__:
        asked["channel"] = params["weg"]
    if params.get("absender", "") in SenderKind.__members__:
        asked["sender_kind"] = params["absender"]
    for name in ("sort", "descending", "page"):
        if params.get(name):
            asked[name] = params[name]
    try:
        return ListInquiries.model_validate(asked)
    except ValidationError:
        # Only sorting or paging can be wrong here (a hand-edited URL): the plain list.
        return ListInquiries.model_validate(
            {k: v for k, v in asked.items() if k not in ("sort", "descending", "page")}
        )


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


async def _inbox_page(
    request: Request,
    caller: Caller,
    rpc: Rpc,
    values: dict[str, str],
    *,
    refusal: Refusal | None = None,
) -> Response:
    query = list_query(request)
    listed = await rpc.send(intake.LIST_INQUIRIES, query, caller)
    linked = [item.household_id for item in listed.items if item.household_id]
    titles: dict[UUID, str] = await household_titles(rpc, caller, linked) if linked else {}
    context = {
        "inquiries": listed.items,
        "listed": listed,
        "query": query,
        "titles": titles,
        "chosen": {name: request.query_params.get(name, "") for name in FILTERS},
        "form": values,
    }
    return page(request, "inquiries/inbox.html", context, refusal)
