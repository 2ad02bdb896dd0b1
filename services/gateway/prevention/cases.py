"""Pages for Wohnintegrationshilfe: cases, admission by the Fachstelle Wohnen, home-visit
planning.

`GET /ui/praevention` lists the cases the caller may see (prevention's `list_cases`: a
caseworker only their provider's), a page at a time, with overdue home visits and passed
time limits marked and counted; `/neu` receives a
referral (referral.py); `/nachbetreuung` lists aftercare offers (aftercare.py);
`/{case_id}` shows one case with its course and the forms of the steps the role may
take, each posted to its own route (actions.py). The operations' roles decide who may
do what; the pages follow them.
"""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.prevention import (
    actions,
    aftercare,
    documents,
    home_visit_letter,
    notes,
    referral,
)
from services.gateway.prevention.case import case_page, page
from services.gateway.web.list_query import beyond_last, list_query
from shared.contracts.places import providers_of
from shared.contracts.prevention import ListCases
from shared.contracts.prevention import operations as ops
from shared.identity import Role

router = APIRouter(prefix="/ui/praevention", include_in_schema=False)
# Added to this router itself rather than included as routers of their own: the policy
# reads the matched route's path, and an included router's route keeps its own ("/neu").
# First, too: `/neu` and `/nachbetreuung` must be matched before `/{case_id}` takes them
# for an id.
aftercare.install(router)
referral.install(router)
actions.install(router)
notes.install(router)
documents.install(router)
home_visit_letter.install(router)


@router.get("", response_class=HTMLResponse)
async def case_list(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """One page of the caller's cases: filters (status, provider, overdue visit, time limit
    passed), sort and page from the URL; the overdue and expired counts above link to
    those filters."""
    query = list_query(request, ListCases)
    found = await rpc.send(ops.LIST_CASES, query, caller)
    if (last := beyond_last(query, found.page)) is not None:
        query, found = last, await rpc.send(ops.LIST_CASES, last, caller)
    # Two counts for the warnings: a page of one row each, only its total is read.
    overdue = await rpc.send(ops.LIST_CASES, ListCases(overdue=True, per_page=1), caller)
    expired = await rpc.send(ops.LIST_CASES, ListCases(time_limit_passed=True, per_page=1), caller)
    context = {
        "answer": found,
        "query": query,
        "overdue_total": overdue.page.total,
        "expired_total": expired.page.total,
        # Only who sees more than one provider's cases needs to choose one.
        "providers": {} if caller.role is Role.caseworker else providers_of(caller.municipality),
    }
    return page(request, "cases.html", context)


@router.get("/{case_id}", response_class=HTMLResponse)
async def case_detail(case_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """One case: its data, its course in plain German, the next due visit, the steps."""
    return await case_page(request, caller, rpc, case_id)
