"""The case list (`/ui`, the caseboard from reporting); the old open-by-id address sends
to the household search (households/search.py)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.web.i18n import N_
from services.gateway.web.templating import render
from shared.contracts.reporting import Caseboard, CaseboardQuery
from shared.contracts.reporting import operations as reporting
from shared.identity import Role
from shared.rpc import ErrorKind, RemoteError

router = APIRouter(prefix="/ui", include_in_schema=False)


@router.get("", response_class=HTMLResponse)
async def case_list(
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    query: Annotated[CaseboardQuery, Depends()],
) -> Response:
    """The caseboard from reporting; until reporting answers it, an open-by-id box."""
    if caller.role in (Role.analyst, Role.housing_office):
        return RedirectResponse("/ui/bericht", status_code=303)
    if caller.role is Role.volunteer:
        return render(request, "fehler.html", {"title": N_("Ehrenamt"), "message": VOLUNTEER_NOTE})
    board: Caseboard | None
    try:
        board = await rpc.send(reporting.CASEBOARD, query, caller)
    except RemoteError as exc:
        if exc.error.kind is not ErrorKind.unavailable:
            raise
        board = None
    return render(request, "households/case_list.html", {"board": board, "filters": query})


VOLUNTEER_NOTE = N_("Ihre Tandems sehen Sie in der Tandem-Ansicht Ihres Trägers.")


@router.get("/haushalte", response_class=HTMLResponse)
async def open_by_id(kennung: Annotated[str, Query()], caller: CurrentCaller) -> Response:
    """The former open-by-id box (bookmarks, old links): the search answers it now, which
    opens a household whose id was typed and says so when nothing matches."""
    return RedirectResponse(f"/ui/suche?{urlencode({'q': kennung})}", status_code=303)
