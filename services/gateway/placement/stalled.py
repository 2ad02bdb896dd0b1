"""Stalled cases as a page: proposals the landlord has not answered and guarantees nobody
decided, for longer than the municipality's thresholds, each linking to its offer.

Placement decides what is stalled (its thresholds, its business day) and whom a
caseworker sees (their provider's households); `stichtag` asks it for another day than
today, as the API's `as_of` does.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.households.titles import household_titles
from services.gateway.placement import formats
from services.gateway.web.templating import render
from shared.contracts import placement as c
from shared.contracts.inputs import QueryDay
from shared.contracts.placement import operations as ops


async def stalled_page(
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    stichtag: Annotated[QueryDay | None, Query()] = None,
) -> Response:
    """The stalled proposals and guarantees, longest waiting first."""
    cases = await rpc.send(ops.STALLED_CASES, c.StalledQuery(as_of=stichtag), caller)
    named = {p.household_id for p in cases.proposals} | {g.household_id for g in cases.guarantees}
    context = {
        "titles": await household_titles(rpc, caller, named),
        "cases": cases,
        "proposals": sorted(cases.proposals, key=lambda p: -p.days_waiting),
        "guarantees": sorted(cases.guarantees, key=lambda g: -g.days_waiting),
        "formats": formats,
    }
    return render(request, "placement/stalled.html", context)


def add_routes(router: APIRouter) -> None:
    """The stalled cases' page on the offers router, before `/{offer_id}` catches its path."""
    router.add_api_route(
        "/festgefahren", stalled_page, methods=["GET"], response_class=HTMLResponse
    )
