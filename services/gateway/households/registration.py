"""The register-household form (`/ui/haushalte/neu`): flat field names to the request
model and back.

Field names are the dotted paths the validation errors name (`members.0.given_name`),
so an error lands next to the field that caused it, and every value typed is sent back
into the form when it has to be corrected.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.web import submit
from services.gateway.web.i18n import N_
from services.gateway.web.security import checked_form
from services.gateway.web.submit import send_form
from services.gateway.web.templating import render
from shared.clock import today
from shared.contracts import places
from shared.contracts.intake import operations as intake
from shared.identity import Caller
from shared.validation import FieldError

router = APIRouter(prefix="/ui", include_in_schema=False)

# The form starts with a few rows; "Weitere Person hinzufügen" adds one (a submit button
# that re-renders the form with the typed values: no script needed), up to the request
# model's limit.
FIRST_ROWS = 4
MOST_ROWS = 30
MORE = "weitere_person"
CHOOSE = N_("Bitte den Träger wählen.")
ROWS_FIELD = "member_rows"
MEMBER_FIELDS = ("role", "age_band", "given_name", "family_name", "birth_date")
TOP_FIELDS = (
    "provider",
    "registered_on",
    "accommodation.kind",
    "accommodation.site",
    "contact.phone",
    "contact.email",
    "note",
    "wbs",
    "wbs_valid_until",
    "accessible_flat_needed",
    "residence_outlook",
)
# Ticks of a group post one field each (`languages.ar`), as on every other form.
LANGUAGES = "languages."
DISTRICTS = "preferred_districts."
# How the accessibility select reads: not recorded, yes, no.
ACCESSIBLE = {"ja": True, "nein": False}


def row_count(submitted: Mapping[str, str]) -> int:
    """How many member rows the form shows: what it showed (or a row typed beyond it),
    one more after "Weitere Person hinzufügen", never more than the request allows."""
    shown = int(submitted[ROWS_FIELD]) if submitted.get(ROWS_FIELD, "").isdigit() else 0
    typed = [
        int(name.split(".")[1]) + 1
        for name in submitted
        if name.startswith("members.") and name.split(".")[1].isdigit()
    ]
    rows = max(FIRST_ROWS, shown, *typed)
    if submitted.get(MORE):
        rows += 1
    return min(rows, MOST_ROWS)


def form_values(
    submitted: Mapping[str, str], municipality: str = "", rows: int = FIRST_ROWS
) -> dict[str, str]:
    """Every field of the form with what was typed (empty where nothing was)."""
    names = [*TOP_FIELDS]
    for i in range(rows):
        names += [f"members.{i}.{f}" for f in MEMBER_FIELDS]
    flags = [LANGUAGES + code for code in places.LANGUAGES]
    flags += [DISTRICTS + code for code in places.districts_of(municipality)]
    return submit.form_values(submitted, names, flags)


def registration_body(
    values: Mapping[str, str], rows_shown: int = MOST_ROWS
) -> tuple[dict[str, Any], list[int]]:
    """The JSON body of `POST /api/households` (empty optional fields left out), and for
    each member sent the form row it came from (empty rows in between are skipped)."""

    def some(name: str) -> str | None:
        return values.get(name) or None

    members, rows = [], []
    for i in range(rows_shown):
        row = {f: some(f"members.{i}.{f}") for f in MEMBER_FIELDS}
        if any(row.values()):
            members.append({k: v for k, v in row.items() if v is not None})
            rows.append(i)
    body: dict[str, Any] = {
        "provider": values.get("provider", ""),
        "registered_on": some("registered_on"),
        "accommodation": {"kind": some("accommodation.kind")},
        "members": members,
    }
    if some("accommodation.site"):
        body["accommodation"]["site"] = some("accommodation.site")
    if some("contact.phone") or some("contact.email"):
        contact = {"phone": some("contact.phone"), "email": some("contact.email")}
        body["contact"] = {k: v for k, v in contact.items() if v}
    if some("note"):
        body["note"] = some("note")
    if some("wbs"):
        body["wbs"] = True
    if some("wbs_valid_until"):
        body["wbs_valid_until"] = some("wbs_valid_until")
    if some("accessible_flat_needed") in ACCESSIBLE:
        body["accessible_flat_needed"] = ACCESSIBLE[values["accessible_flat_needed"]]
    if some("residence_outlook"):
        body["residence_outlook"] = some("residence_outlook")
    languages = [
        n.removeprefix(LANGUAGES) for n, v in values.items() if n.startswith(LANGUAGES) and v
    ]
    districts = [
        n.removeprefix(DISTRICTS) for n, v in values.items() if n.startswith(DISTRICTS) and v
    ]
    if languages:
        body["languages"] = languages
    if districts:
        body["preferred_districts"] = districts
    return body, rows


def errors_by_field(errors: Iterable[FieldError], rows: list[int]) -> dict[str, str]:
    """The first message for each form field, member errors on the row they came from."""
    return submit.by_field(errors, rows=("members", rows))


@router.get("/haushalte/neu", response_class=HTMLResponse)
async def new_household(request: Request, caller: CurrentCaller) -> Response:
    start = {"provider": caller.provider or "", "registered_on": today().isoformat()}
    values = form_values(start, caller.municipality)
    values["members.0.role"] = "head"
    return _register_page(request, caller, values, {}, rows=FIRST_ROWS)


@router.post("/haushalte/neu", response_class=HTMLResponse)
async def register(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    submitted = await checked_form(request)
    rows = row_count(submitted)
    values = form_values(submitted, caller.municipality, rows)
    if submitted.get(MORE):
        # Only one more row: nothing is sent, every typed value stays.
        return _register_page(request, caller, values, {}, rows=rows, focus=rows - 1)
    body, sent_rows = registration_body(values, rows)
    # No provider chosen: said in words at the select, not as a too short code.
    problems = [] if values.get("provider") else [FieldError(field="provider", message=CHOOSE)]
    if problems:
        body.pop("provider", None)
    ref, refusal = await send_form(
        rpc,
        intake.REGISTER_HOUSEHOLD,
        body,
        caller,
        rows=("members", sent_rows),
        problems=problems,
    )
    if refusal is not None:
        return _register_page(
            request,
            caller,
            values,
            refusal.errors,
            rows=rows,
            general=refusal.general,
            status_code=refusal.status,
        )
    assert ref is not None  # send_form answers with the service's answer or a refusal
    return RedirectResponse(f"/ui/haushalte/{ref.household_id}", status_code=303)


def _register_page(
    request: Request,
    caller: Caller,
    values: dict[str, str],
    errors: dict[str, str],
    *,
    rows: int,
    focus: int | None = None,
    general: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    context = {
        "form": values,
        "errors": errors,
        "general": general,
        "member_rows": rows,
        "more_rows": rows < MOST_ROWS,
        "focus_row": focus,
        "providers": places.providers_of(caller.municipality),
        "districts": places.districts_of(caller.municipality),
        "languages": places.LANGUAGES,
    }
    return render(request, "households/registration.html", context, status_code=status_code)
