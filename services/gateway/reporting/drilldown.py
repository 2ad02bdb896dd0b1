"""The cases behind a figure of the report page: one page of them, each with its title and
a link to its page where the UI has one.

Reporting answers the ids behind a figure in one list (FIGURE_CASES / STOCK_CASES, scoped
to what the caller may see, restricted households withheld); this page shows 50 at a time.
"""

from __future__ import annotations

from typing import Annotated, Any, TypeVar
from urllib.parse import urlencode
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from pydantic import ValidationError

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.households.titles import household_titles
from services.gateway.web.templating import render
from shared.contracts.intake.directory import short_id
from shared.contracts.paging import PageQuery
from shared.contracts.reporting import FigureCases, FigureCasesQuery, StockCasesQuery
from shared.contracts.reporting import operations as reporting

M = TypeVar("M", FigureCasesQuery, StockCasesQuery)
router = APIRouter(prefix="/ui/bericht", include_in_schema=False)
Key = Annotated[str, Path(pattern=r"^[a-z0-9_]+$")]
# Where the UI shows one record of each subject a figure counts (none: id only).
PAGES = {
    "household": "/ui/haushalte/{id}",
    "case": "/ui/praevention/{id}",
    "offer": "/ui/wohnungen/{id}",
    "inquiry": "/ui/anfragen/{id}",
    "tandem": "/ui/tandems/{id}",
    "volunteer": "/ui/ehrenamt/ehrenamtliche/{id}",
    "workshop": "/ui/ehrenamt/workshops/{id}",
    "office_hour": "/ui/ehrenamt/sprechstunden/{id}",
}


def _checked(model: type[M], **values: Any) -> M:
    try:
        return model(**values)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors()) from exc


async def _page(
    request: Request, rpc: Rpc, caller: CurrentCaller, cases: FigureCases, page: int, back: str
) -> HTMLResponse:
    paging = PageQuery(page=page)
    info = paging.info(len(cases.ids))
    shown = cases.ids[paging.offset : paging.offset + paging.per_page]
    titles: dict[UUID, str] = {}
    if cases.subject == "household":
        titles = await household_titles(rpc, caller, shown)
    page_of = PAGES.get(cases.subject)
    rows = [
        (
            titles.get(one) or short_id(one),
            page_of.format(id=one) if page_of else None,
        )
        for one in shown
    ]
    context = {"cases": cases, "rows": rows, "page": info, "back": back}
    return render(request, "reporting/report_cases.html", context)


@router.get("/faelle/{key}", response_class=HTMLResponse)
async def figure_cases(
    request: Request,
    key: Key,
    caller: CurrentCaller,
    rpc: Rpc,
    period_from: Annotated[str, Query()],
    period_to: Annotated[str, Query()],
    provider: str | None = None,
    as_known_on: str | None = None,
    item: str | None = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    """The cases behind one figure (or one value of its breakdown) of a period."""
    query = _checked(
        FigureCasesQuery,
        key=key,
        period_from=period_from,
        period_to=period_to,
        provider=provider,
        as_known_on=as_known_on,
        item=item,
    )
    cases = await rpc.send(reporting.FIGURE_CASES, query, caller)
    return await _page(request, rpc, caller, cases, page, _back(query))


@router.get("/bestand/{key}", response_class=HTMLResponse)
async def stock_cases(
    request: Request,
    key: Key,
    caller: CurrentCaller,
    rpc: Rpc,
    on: Annotated[str, Query()],
    provider: str | None = None,
    as_known_on: str | None = None,
    item: str | None = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    """The households behind one stock figure on a day."""
    query = _checked(
        StockCasesQuery, key=key, on=on, provider=provider, as_known_on=as_known_on, item=item
    )
    cases = await rpc.send(reporting.STOCK_CASES, query, caller)
    return await _page(request, rpc, caller, cases, page, "/ui/bericht")


def _back(query: FigureCasesQuery) -> str:
    """The report page the figure stands on (a free period, as the period it is)."""
    params = {"von": str(query.period_from), "bis": str(query.period_to)}
    if query.provider:
        params["traeger"] = query.provider
    if query.as_known_on:
        params["stand"] = str(query.as_known_on)
    return f"/ui/bericht?{urlencode(params)}#kennzahl-{query.key}"
