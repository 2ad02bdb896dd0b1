"""Erasing one person of a household from its page (`POST /ui/haushalte/{id}/mitglieder/
{member_id}/loeschung`, coordination only): on success back to the members (303),
otherwise the page again with the refusal at that person's row (422 or intake's 409)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.households.page import MEMBER_FORM, household_page
from services.gateway.web.erasure import erase
from services.gateway.web.security import checked_form
from shared.contracts.intake import operations as intake

router = APIRouter(prefix="/ui", include_in_schema=False)


@router.post(
    "/haushalte/{household_id}/mitglieder/{member_id}/loeschung", response_class=HTMLResponse
)
async def erase_member(
    household_id: UUID, member_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """Erase the person's name and birth date in every service, once confirmed."""
    submitted = await checked_form(request)
    body = {"household_id": household_id, "member_id": member_id}
    values, refusal = await erase(rpc, intake.ERASE_MEMBER, caller, submitted, body=body)
    if refusal is None:
        return RedirectResponse(f"/ui/haushalte/{household_id}#mitglieder", status_code=303)
    return await household_page(
        request,
        caller,
        rpc,
        household_id,
        active=f"{MEMBER_FORM}{member_id}",
        typed=values,
        errors=refusal.errors,
        general=refusal.general,
        status_code=refusal.status,
    )
