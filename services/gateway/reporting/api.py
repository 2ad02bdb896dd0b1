"""The figures a council committee reads (reporting): any period, per provider, "as known
on" a day; the stock on a day; the cases behind a figure; CSV and printable documents."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, TypeVar
from urllib.parse import quote

from fastapi import APIRouter, Path, Query, Response
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, ValidationError

from services.gateway.deps import CurrentCaller, Rpc
from shared.contracts.reporting import (
    DocumentFormat,
    FigureCases,
    FigureCasesQuery,
    FigureChanges,
    FigureChangesQuery,
    Figures,
    FiguresQuery,
    ReportDocumentQuery,
    Stock,
    StockCasesQuery,
    StockQuery,
)
from shared.contracts.reporting import operations as reporting
from shared.identity import Caller

router = APIRouter(prefix="/api/reports", tags=["Berichte"])
FigureKey = Annotated[str, Path(pattern=r"^[a-z0-9_]+$", description="Schlüssel der Kennzahl")]
_CASES: dict[int | str, dict[str, Any]] = {
    403: {
        "description": "Ihre Rolle sieht keine Fälle (Analyse) oder nur die des eigenen Trägers."
    },
    404: {"description": "Diese Kennzahl gibt es nicht (oder nicht je Träger)."},
}


M = TypeVar("M", bound=BaseModel)


# Validated as query models (a model's own rule, such as the period's order, answers 422
# rather than 500 as with `Depends()`), but a parameter a report does not know is ignored,
# as before: links carry one query string to every report.
class _FiguresQuery(FiguresQuery):
    model_config = ConfigDict(extra="ignore")


class _ChangesQuery(FigureChangesQuery):
    model_config = ConfigDict(extra="ignore")


class _StockQuery(StockQuery):
    model_config = ConfigDict(extra="ignore")


def _checked(model: type[M], **values: Any) -> M:
    """The drill-down query from path and query parameters; invalid together: 422, not 500."""
    try:
        return model(**values)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors()) from exc


@router.get("/figures")
async def figures(
    query: Annotated[_FiguresQuery, Query()], caller: CurrentCaller, rpc: Rpc
) -> Figures:
    """Kennzahlen für einen beliebigen Zeitraum, optional je Träger und „Stand vom“."""
    return await rpc.send(reporting.FIGURES, query, caller)


@router.get("/yearly/{year}")
async def yearly(
    year: Annotated[int, Path(ge=2000, le=2100)],
    caller: CurrentCaller,
    rpc: Rpc,
    provider: str | None = None,
    as_known_on: date | None = None,
) -> Figures:
    """Jahreszahlen (1. Januar bis 31. Dezember)."""
    query = _checked(
        FiguresQuery,
        period_from=date(year, 1, 1),
        period_to=date(year, 12, 31),
        provider=provider,
        as_known_on=as_known_on,
    )
    return await rpc.send(reporting.FIGURES, query, caller)


@router.get("/changes")
async def changes(
    query: Annotated[_ChangesQuery, Query()], caller: CurrentCaller, rpc: Rpc
) -> FigureChanges:
    """Was sich seit dem „Stand vom“ eines versandten Berichts geändert hat (damals – heute)."""
    return await rpc.send(reporting.FIGURE_CHANGES, query, caller)


@router.get("/stock")
async def stock(query: Annotated[_StockQuery, Query()], caller: CurrentCaller, rpc: Rpc) -> Stock:
    """Bestand am Stichtag: Personen in städtischer Unterbringung nach Art der Unterkunft."""
    return await rpc.send(reporting.STOCK, query, caller)


@router.get("/figures/{key}/cases", responses=_CASES)
async def figure_cases(
    key: FigureKey,
    query: Annotated[_FiguresQuery, Query()],
    caller: CurrentCaller,
    rpc: Rpc,
    item: str | None = None,
) -> FigureCases:
    """Die Kennungen der Fälle hinter einer Kennzahl (nicht für die Analyse)."""
    body = _checked(FigureCasesQuery, **query.model_dump(), key=key, item=item)
    return await rpc.send(reporting.FIGURE_CASES, body, caller)


@router.get("/stock/{key}/cases", responses=_CASES)
async def stock_cases(
    key: FigureKey,
    query: Annotated[_StockQuery, Query()],
    caller: CurrentCaller,
    rpc: Rpc,
    item: str | None = None,
) -> FigureCases:
    """Die Kennungen der Haushalte hinter einer Bestandszahl (nicht für die Analyse)."""
    body = _checked(StockCasesQuery, **query.model_dump(), key=key, item=item)
    return await rpc.send(reporting.STOCK_CASES, body, caller)


async def _document(
    rpc: Rpc, query: FiguresQuery, format: DocumentFormat, caller: Caller, attachment: bool
) -> Response:
    body = ReportDocumentQuery(**query.model_dump(), format=format)
    document = await rpc.send(reporting.REPORT_DOCUMENT, body, caller)
    disposition = "attachment" if attachment else "inline"
    # The name carries the provider as typed: headers are Latin-1, so RFC 6266 with a plain
    # fallback (a name outside Latin-1 was a 500).
    plain = re.sub(r"[^A-Za-z0-9._-]", "_", document.filename)
    named = f"filename=\"{plain}\"; filename*=UTF-8''{quote(document.filename)}"
    return Response(
        document.body(),
        media_type=document.media_type,
        headers={"content-disposition": f"{disposition}; {named}"},
    )


@router.get("/figures.csv", response_class=Response)
async def figures_csv(
    query: Annotated[_FiguresQuery, Query()], caller: CurrentCaller, rpc: Rpc
) -> Response:
    """Kennzahlen als CSV für Excel (Semikolon, UTF-8 mit BOM, Dezimalkomma)."""
    return await _document(rpc, query, DocumentFormat.csv, caller, attachment=True)


@router.get("/report.html", response_class=Response)
async def report_html(
    query: Annotated[_FiguresQuery, Query()], caller: CurrentCaller, rpc: Rpc
) -> Response:
    """Druckfassung des Berichts (HTML) mit Definitionen und einer Grafik je Abschnitt."""
    return await _document(rpc, query, DocumentFormat.html, caller, attachment=False)


@router.get("/report.pdf", response_class=Response)
async def report_pdf(
    query: Annotated[_FiguresQuery, Query()], caller: CurrentCaller, rpc: Rpc
) -> Response:
    """Der Bericht als PDF."""
    return await _document(rpc, query, DocumentFormat.pdf, caller, attachment=True)
