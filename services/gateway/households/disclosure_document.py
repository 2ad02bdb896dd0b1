"""The Art. 15 export as a document a person can read: HTML to print, and a PDF.

Same data and the same rule as the JSON export (`GET /api/households/{id}/export`: every
service's part or 503, coordinators only, 404 for another municipality's household);
both reads are written to the access log like the JSON export (see middleware.AUDITED).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.errors import SERVICE_ERRORS
from services.gateway.households.exports.complete import collect
from services.gateway.households.exports.disclosure_pdf import render_disclosure
from services.gateway.households.exports.document import INTRO, Document, document
from services.gateway.web.templating import templates

router = APIRouter(prefix="/api/households", tags=["Datenschutz"])
_DOCUMENT: dict[int | str, dict[str, Any]] = {
    403: {"description": "Nur die Koordination erteilt Auskunft."},
    404: {"description": "Haushalt nicht gefunden (oder nicht sichtbar für Sie)."},
    422: {"description": "Die Kennung des Haushalts ist keine gültige Kennung."},
    503: {"description": SERVICE_ERRORS[503] + " Eine unvollständige Auskunft gibt es nicht."},
}


async def _document(household_id: UUID, caller: CurrentCaller, rpc: Rpc) -> Document:
    return document(await collect(rpc, household_id, caller))


@router.get(
    "/{household_id}/auskunft",
    response_class=HTMLResponse,
    summary="Auskunft (Art. 15 DSGVO) als lesbares Dokument",
    responses=_DOCUMENT,
)
async def disclosure_html(
    household_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> HTMLResponse:
    """Alles, was Auszug über den Haushalt speichert (Aufnahme, Wohnungsvermittlung,
    Ehrenamt, Prävention), deutsch beschriftet, zum Drucken."""
    doc = await _document(household_id, caller, rpc)
    return templates.TemplateResponse(
        request, "households/disclosure_document.html", {"doc": doc, "intro": INTRO}
    )


@router.get(
    "/{household_id}/auskunft.pdf",
    response_class=Response,
    summary="Auskunft (Art. 15 DSGVO) als PDF",
    responses={**_DOCUMENT, 200: {"content": {"application/pdf": {}}}},
)
async def disclosure_pdf(household_id: UUID, caller: CurrentCaller, rpc: Rpc) -> Response:
    """Dieselbe Auskunft als PDF-Dokument."""
    doc = await _document(household_id, caller, rpc)
    return Response(
        render_disclosure(doc),
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="auskunft-{household_id}.pdf"'},
    )
