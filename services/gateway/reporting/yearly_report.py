"""The yearly report page: every figure with its definition."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.web.templating import render
from shared.clock import today
from shared.contracts.reporting import FiguresQuery
from shared.contracts.reporting import operations as reporting

router = APIRouter(prefix="/ui", include_in_schema=False)


@router.get("/bericht", response_class=HTMLResponse)
async def yearly_report(
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    jahr: Annotated[int | None, Query(ge=2000, le=2100)] = None,
) -> HTMLResponse:
    """Figures of one calendar year (default: the current one)."""
    year = jahr or today().year
    query = FiguresQuery(period_from=date(year, 1, 1), period_to=date(year, 12, 31))
    figures = await rpc.send(reporting.FIGURES, query, caller)
    return render(request, "reporting/yearly_report.html", {"year": year, "figures": figures})
