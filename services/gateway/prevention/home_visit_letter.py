"""The case's letter announcing a home visit: `POST /ui/praevention/{id}/hausbesuch-brief`
with the day and time; prevention keeps the letter with the case's documents and the
browser is sent to its download (services/gateway/letters/download.py); a refusal comes
back at the form's fields. Prevention decides who may
(services/prevention/application/letters.py)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.letters.download import letter_or_refusal
from services.gateway.prevention.case import LETTER_ANCHOR, case_page
from services.gateway.web import documents
from services.gateway.web.security import checked_form
from services.gateway.web.submit import filled, form_values
from shared.contracts.prevention import operations as ops

FIELDS = ("appointment_on", "appointment_at")


async def write_visit_letter(
    case_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    values = form_values(await checked_form(request), FIELDS)
    body = {"kind": "home_visit", "subject_id": case_id, **filled(values, *FIELDS)}
    letter, refusal = await letter_or_refusal(
        rpc, ops.WRITE_LETTER, body, caller, FIELDS, document_path=_download
    )
    if letter is not None:
        return letter
    assert refusal is not None
    errors = dict(refusal.errors)
    general = errors.pop("", None) or refusal.general
    return await case_page(
        request,
        caller,
        rpc,
        case_id,
        active=LETTER_ANCHOR,
        typed=values,
        errors=errors,
        general=general,
        status_code=refusal.status,
    )


def _download(case_id: UUID, document_id: UUID) -> str:
    """The kept letter's download among the case's documents (prevention/documents.py)."""
    return f"/ui/praevention/{case_id}/{documents.ANCHOR}/{document_id}"


def install(router: APIRouter) -> None:
    """Add the letter form's POST route to the cases' pages router."""
    router.add_api_route(f"/{{case_id}}/{LETTER_ANCHOR}", write_visit_letter, methods=["POST"])
