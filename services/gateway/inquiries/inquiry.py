"""One inquiry of the inbox (coordination only): sender, text and triage history, and the
triage form (answered, forwarded, or opened as a household case that the page links to).
"""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.follow_ups.section import Refused, follow_ups_section
from services.gateway.follow_ups.section import Subject as FollowUpSubject
from services.gateway.inquiries.forms import (
    RULES_AT_FIELD,
    SHOWN,
    TRIAGE_FIELDS,
    page,
    triage_body,
)
from services.gateway.web.pickers import pick_household
from services.gateway.web.security import checked_form
from services.gateway.web.submit import Refusal, form_values, send_form
from shared.contracts.followups import SubjectKind
from shared.contracts.intake import GetInquiry
from shared.contracts.intake import operations as intake
from shared.contracts.intake.directory import HouseholdCard
from shared.identity import Caller, Role

router = APIRouter(prefix="/ui", include_in_schema=False)


@router.get("/anfragen/{inquiry_id}", response_class=HTMLResponse)
async def inquiry_page(
    inquiry_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """The inquiry with sender, text and triage history, and the triage form."""
    values = form_values({"outcome": "answered"}, TRIAGE_FIELDS)
    return await _inquiry_page(request, caller, rpc, inquiry_id, values)


@router.post("/anfragen/{inquiry_id}/bearbeitung", response_class=HTMLResponse)
async def triage(inquiry_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    submitted = await checked_form(request)
    values = form_values(submitted, TRIAGE_FIELDS)
    # The case's household is named as people know it; the picker finds its id.
    picked = await pick_household(rpc, caller, submitted, "household_id")
    if refusal := picked.refusal("household_id"):
        return await _inquiry_page(
            request, caller, rpc, inquiry_id, values, refusal, picked.choices
        )
    _, refusal = await send_form(
        rpc,
        intake.TRIAGE_INQUIRY,
        triage_body({**values, "household_id": picked.value()}),
        caller,
        on=inquiry_id,
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
    choices: list[HouseholdCard] | None = None,
    follow_ups: Refused | None = None,
) -> Response:
    inquiry = await rpc.send(intake.GET_INQUIRY, GetInquiry(inquiry_id=inquiry_id), caller)
    case = next((t.household_id for t in inquiry.triage if t.household_id), None)
    subject = FollowUpSubject(SubjectKind.inquiry, inquiry_id, None, f"/ui/anfragen/{inquiry_id}")
    context = {
        "inquiry": inquiry,
        "case": case,
        "form": values,
        "choices": {"household_id": choices or []},
        # The section „Wiedervorlagen“ (follow_ups/wiedervorlagen.html).
        "wiedervorlagen": await follow_ups_section(
            request,
            caller,
            rpc,
            subject,
            may_change=caller.role is Role.coordinator,
            refused=follow_ups,
        ),
    }
    if follow_ups is not None:
        return page(request, "inquiries/inquiry.html", context, Refusal(follow_ups.status))
    return page(request, "inquiries/inquiry.html", context, refusal)


async def inquiry_page_with(
    request: Request, caller: Caller, rpc: Rpc, inquiry_id: UUID, *, follow_ups: Refused
) -> Response:
    """The inquiry's page with a refused follow-up form (follow_ups/pages.py)."""
    values = form_values({"outcome": "answered"}, TRIAGE_FIELDS)
    return await _inquiry_page(request, caller, rpc, inquiry_id, values, follow_ups=follow_ups)
