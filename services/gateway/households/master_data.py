"""Keeping a household current from its page: "Stammdaten berichtigen" (Art. 16 DSGVO:
names, birth dates, phone, e-mail, the registration note) and "Bedarf ändern" (WBS,
accessibility, preferred districts, languages, residence outlook), with the history of
rectifications.

Both forms show what is stored and send it whole: intake compares and records only what
differs. The correction carries the household's version, so a form filled in on an
outdated page is refused instead of undoing a colleague's correction. After a save the
page comes back with a confirmation (notices.saved); a refusal brings the form back open
with the typed values and the message at its field.
"""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.households.master_data_view import (
    CORRECTED,
    CORRECTION,
    NEEDS,
    NEEDS_CHANGED,
    NEEDS_FIELDS,
    SHOWN,
    correctable,
    correction_body,
    correction_names,
    needs_body,
    needs_flags,
)
from services.gateway.households.page import household_page
from services.gateway.web import submit
from services.gateway.web.notices import saved
from services.gateway.web.security import checked_form
from services.gateway.web.submit import send_form
from shared.contracts.intake import GetHousehold, HouseholdView
from shared.contracts.intake import operations as intake
from shared.identity import Caller

router = APIRouter(prefix="/ui", include_in_schema=False)


# ---------------------------------------------------------------- the posts


async def _household(rpc: Rpc, household_id: UUID, caller: Caller) -> HouseholdView:
    return await rpc.send(intake.GET_HOUSEHOLD, GetHousehold(household_id=household_id), caller)


@router.post("/haushalte/{household_id}/stammdaten", response_class=HTMLResponse)
async def correct_personal_data(
    household_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """Stammdaten berichtigen: the whole form as typed; intake records what differs."""
    submitted = await checked_form(request)
    household = await _household(rpc, household_id, caller)
    members = correctable(household)
    values = submit.form_values(submitted, correction_names(household))
    # An implausible birth date is intake's rule about one person: shown at that field.
    at_field = {
        f"birth_date.{m.member_id}": f"members.{i}.birth_date" for i, m in enumerate(members)
    }
    _, refusal = await send_form(
        rpc,
        intake.CORRECT_PERSONAL_DATA,
        correction_body(values, len(members)),
        caller,
        on=household_id,
        rules_at_field=at_field,
        known=correction_names(household),
        shown=SHOWN,
    )
    if refusal is not None:
        return await household_page(
            request,
            caller,
            rpc,
            household_id,
            active=CORRECTION,
            typed=values,
            errors=refusal.errors,
            general=refusal.general or refusal.errors.get(""),
            status_code=refusal.status,
        )
    return saved(f"/ui/haushalte/{household_id}", CORRECTED, anchor=CORRECTION)


@router.post("/haushalte/{household_id}/bedarf", response_class=HTMLResponse)
async def change_needs(
    household_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """Bedarf ändern: the whole set of needs, in effect from the day given."""
    submitted = await checked_form(request)
    household = await _household(rpc, household_id, caller)
    values = submit.form_values(
        submitted, NEEDS_FIELDS, needs_flags(caller.municipality, household)
    )
    _, refusal = await send_form(
        rpc,
        intake.CHANGE_NEEDS,
        needs_body(values),
        caller,
        on=household_id,
        rules_at_field={"unknown_district": "preferred_districts"},
        known=[*NEEDS_FIELDS, "languages", "preferred_districts"],
        shown=SHOWN,
    )
    if refusal is not None:
        return await household_page(
            request,
            caller,
            rpc,
            household_id,
            active=NEEDS,
            typed=values,
            errors=refusal.errors,
            general=refusal.general or refusal.errors.get(""),
            status_code=refusal.status,
        )
    return saved(f"/ui/haushalte/{household_id}", NEEDS_CHANGED, anchor=NEEDS)
