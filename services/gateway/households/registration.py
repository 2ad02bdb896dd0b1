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
from services.gateway.web.security import checked_form
from services.gateway.web.submit import send_form
from services.gateway.web.templating import render
from shared.clock import today
from shared.contracts.intake import operations as intake
from shared.validation import FieldError

router = APIRouter(prefix="/ui", include_in_schema=False)

MEMBER_ROWS = 6
MEMBER_FIELDS = ("role", "age_band", "given_name", "family_name", "birth_date")
TOP_FIELDS = (
    "provider",
    "registered_on",
    "accommodation.kind",
    "accommodation.site",
    "contact.phone",
    "contact.email",
    "note",
)


def form_values(submitted: Mapping[str, str]) -> dict[str, str]:
    """Every field of the form with what was typed (empty where nothing was)."""
    names = [*TOP_FIELDS]
    for i in range(MEMBER_ROWS):
        names += [f"members.{i}.{f}" for f in MEMBER_FIELDS]
    return submit.form_values(submitted, names)


def registration_body(values: Mapping[str, str]) -> tuple[dict[str, Any], list[int]]:
    """The JSON body of `POST /api/households` (empty optional fields left out), and for
    each member sent the form row it came from (empty rows in between are skipped)."""

    def some(name: str) -> str | None:
        return values.get(name) or None

    members, rows = [], []
    for i in range(MEMBER_ROWS):
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
    return body, rows


def errors_by_field(errors: Iterable[FieldError], rows: list[int]) -> dict[str, str]:
    """The first message for each form field, member errors on the row they came from."""
    return submit.by_field(errors, rows=("members", rows))


@router.get("/haushalte/neu", response_class=HTMLResponse)
async def new_household(request: Request, caller: CurrentCaller) -> Response:
    values = form_values({"provider": caller.provider or "", "registered_on": today().isoformat()})
    values["members.0.role"] = "head"
    return _register_page(request, values, {})


@router.post("/haushalte/neu", response_class=HTMLResponse)
async def register(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    values = form_values(await checked_form(request))
    body, rows = registration_body(values)
    ref, refusal = await send_form(
        rpc, intake.REGISTER_HOUSEHOLD, body, caller, rows=("members", rows)
    )
    if refusal is not None:
        return _register_page(
            request, values, refusal.errors, general=refusal.general, status_code=refusal.status
        )
    assert ref is not None  # send_form answers with the service's answer or a refusal
    return RedirectResponse(f"/ui/haushalte/{ref.household_id}", status_code=303)


def _register_page(
    request: Request,
    values: dict[str, str],
    errors: dict[str, str],
    *,
    general: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    context = {"form": values, "errors": errors, "general": general, "member_rows": MEMBER_ROWS}
    return render(request, "households/registration.html", context, status_code=status_code)
