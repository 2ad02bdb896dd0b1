"""Office hour pages: the quick entry used during an open office hour (date, provider and
several consultations at once, all stored or none), one office hour with its consultations,
and more consultations added to it later the same way."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.households.titles import household_titles
from services.gateway.volunteer import consultation_rows as rows
from services.gateway.volunteer.page import page
from services.gateway.web.i18n import N_
from services.gateway.web.notices import notice, saved
from services.gateway.web.pickers import FieldChoices, Picks, pick_households, pick_tandems
from services.gateway.web.security import checked_form
from services.gateway.web.submit import Refusal, form_values, send_form
from shared.clock import today
from shared.contracts import volunteer as c
from shared.contracts.volunteer import operations as ops
from shared.identity import Caller

router = APIRouter(prefix="/ui", include_in_schema=False)
ROWS_FIELD = "zeilen"
HELD = notice("sprechstunde_erfasst", N_("Die Sprechstunde ist mit ihren Beratungen erfasst."))
ADDED = notice("beratungen_nachgetragen", N_("Die Beratungen sind nachgetragen."))


@router.get("/ehrenamt/sprechstunden/neu", response_class=HTMLResponse)
async def new_office_hour(
    request: Request, caller: CurrentCaller, zeilen: Annotated[int | None, Query()] = None
) -> Response:
    count = rows.row_count(zeilen)
    start = {"provider": caller.provider or "", "held_on": today().isoformat()}
    values = form_values(start, rows.field_names(count))
    return _entry_page(request, values, count)


@router.post("/ehrenamt/sprechstunden/neu", response_class=HTMLResponse)
async def hold_office_hour(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """All typed rows in one request; on any error every row comes back as it was typed."""
    submitted = await checked_form(request)
    count = rows.row_count(submitted.get(ROWS_FIELD))
    values = form_values(submitted, rows.field_names(count))
    # Each row names its household and tandem as people know them; the pickers find the ids.
    picks = await _picks(rpc, caller, submitted, count)
    if refusal := picks.refusal():
        return _entry_page(request, values, count, refusal, picks.choices)
    body, sent_from = rows.hold_body({**values, **picks.values}, count)
    ref, refusal = await send_form(rpc, ops.HOLD_OFFICE_HOUR, body, caller)
    if refusal:
        refusal.errors = rows.on_rows(refusal.errors, sent_from)
        return _entry_page(request, values, count, refusal)
    assert ref is not None  # send_form answers the office hour or the refusal
    return saved(f"/ui/ehrenamt/sprechstunden/{ref.office_hour_id}", HELD)


def household_fields(count: int) -> list[str]:
    return [f"consultations.{i}.household_id" for i in range(count)]


def tandem_fields(count: int) -> list[str]:
    return [f"consultations.{i}.tandem_id" for i in range(count)]


async def _picks(rpc: Rpc, caller: Caller, submitted: dict[str, str], count: int) -> Picks:
    picks = await pick_households(rpc, caller, submitted, household_fields(count))
    return await pick_tandems(rpc, caller, submitted, tandem_fields(count), picks)


def _entry_page(
    request: Request,
    values: dict[str, str],
    count: int,
    refusal: Refusal | None = None,
    choices: FieldChoices | None = None,
) -> Response:
    context = {
        "form": values,
        "rows": count,
        "more": min(count + rows.ROWS, rows.MAX_ROWS),
        "choices": choices or {},
    }
    return page(request, "volunteer/office_hour_new.html", context, refusal)


@router.get("/ehrenamt/sprechstunden/{office_hour_id}", response_class=HTMLResponse)
async def office_hour_page(
    office_hour_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """The office hour, its consultations and their count by channel; rows to add more."""
    values = form_values({}, rows.field_names(rows.ROWS, top=False))
    return await _office_hour_page(request, caller, rpc, office_hour_id, values)


@router.post("/ehrenamt/sprechstunden/{office_hour_id}/beratungen", response_class=HTMLResponse)
async def add_consultations(
    office_hour_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    submitted = await checked_form(request)
    values = form_values(submitted, rows.field_names(rows.ROWS, top=False))
    picks = await _picks(rpc, caller, submitted, rows.ROWS)
    if refusal := picks.refusal():
        return await _office_hour_page(
            request, caller, rpc, office_hour_id, values, refusal, picks.choices
        )
    items, sent_from = rows.consultations({**values, **picks.values}, rows.ROWS)
    body = {"consultations": items}
    op = ops.RECORD_OFFICE_HOUR_CONSULTATIONS
    _, refusal = await send_form(rpc, op, body, caller, on=office_hour_id)
    if refusal:
        refusal.errors = rows.on_rows(refusal.errors, sent_from)
        return await _office_hour_page(request, caller, rpc, office_hour_id, values, refusal)
    return saved(f"/ui/ehrenamt/sprechstunden/{office_hour_id}", ADDED)


async def _office_hour_page(
    request: Request,
    caller: Caller,
    rpc: Rpc,
    office_hour_id: UUID,
    values: dict[str, str],
    refusal: Refusal | None = None,
    choices: FieldChoices | None = None,
) -> Response:
    office_hour = await rpc.send(ops.GET_OFFICE_HOUR, c.ById(id=office_hour_id), caller)
    shown = [b.household_id for b in office_hour.consultations if b.household_id]
    context = {
        "office_hour": office_hour,
        "form": values,
        "rows": rows.ROWS,
        "titles": await household_titles(rpc, caller, shown),
        "choices": choices or {},
    }
    return page(request, "volunteer/office_hour.html", context, refusal)
