"""Pages for Wohnintegrationshilfe: cases, admission by the Fachstelle Wohnen, home-visit
planning.

`GET /ui/praevention` lists the cases the caller may see (prevention's `list_cases`: a
caseworker only their provider's), the overdue home visits first; `/neu` receives a
referral (referral.py); `/nachbetreuung` lists aftercare offers (aftercare.py);
`/{case_id}` shows one case with its course and the forms of the steps the role may
take, each posted to its own route (actions.py). The operations' roles decide who may
do what; the pages follow them.
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.prevention import actions, aftercare, referral
from services.gateway.prevention.case import case_page, page
from shared.clock import today
from shared.contracts.prevention import ListCases, OverdueQuery
from shared.contracts.prevention import operations as ops

router = APIRouter(prefix="/ui/praevention", include_in_schema=False)
# Added to this router itself rather than included as routers of their own: the policy
# reads the matched route's path, and an included router's route keeps its own ("/neu").
# First, too: `/neu` and `/nachbetreuung` must be matched before `/{case_id}` takes them
# for an id.
aftercare.install(router)
referral.install(router)
actions.install(router)


@router.get("", response_class=HTMLResponse)
async def case_list(
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    query: Annotated[ListCases, Depends()],
) -> Response:
    """The caller's cases (optionally of one status), overdue home visits marked."""
    found = await rpc.send(ops.LIST_CASES, query, caller)
    overdue = await rpc.send(ops.OVERDUE_VISITS, OverdueQuery(as_of=today()), caller)
    late = {v.case_id: v for v in overdue.visits}
    context = {
        # Overdue first (sorted() is stable: otherwise the service's order, newest first).
        "cases": sorted(found.cases, key=lambda c: c.case_id not in late),
        "overdue": late,
        "as_of": overdue.as_of,
        "filters": query,
    }
    return page(request, "cases.html", context)


@router.get("/{case_id}", response_class=HTMLResponse)
async def case_detail(case_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """One case: its data, its course in plain German, the next due visit, the steps."""
    return await case_page(request, caller, rpc, case_id)
