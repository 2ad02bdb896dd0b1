"""Stalled cases as a page: proposals the landlord has not answered and guarantees nobody
decided, each linking to the form on its offer that settles it.

One concept, one place: these are the due list's rules `proposal_unanswered` and
`guarantee_undecided` (reporting's follow-ups, issue 15), so the page is a view of the
due list filtered to them, with the days the coordination sets at /ui/fristen (the same
rows appear under "Fällige Schritte" on "Heute"). Reporting scopes them like every due
list (a caseworker their provider's, a restricted household only the coordination);
`stichtag` asks for another day than today.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.reporting.today import Section, due_lists
from services.gateway.web.i18n import N_
from services.gateway.web.templating import render
from shared.clock import today
from shared.contracts.followups import GetFollowUpRules, Rule
from shared.contracts.inputs import QueryDay
from shared.contracts.reporting import operations as reporting

SECTIONS = (
    Section(
        "vorschlaege",
        "v_",
        N_("Vorschläge ohne Antwort des Vermieters"),
        N_("Kein Vorschlag wartet über seine Frist hinaus auf den Vermieter."),
        {"kind": Rule.proposal_unanswered.value},
    ),
    Section(
        "uebernahmen",
        "u_",
        N_("Übernahmen ohne Entscheidung"),
        N_("Keine Übernahme wartet über ihre Frist hinaus auf eine Entscheidung."),
        {"kind": Rule.guarantee_undecided.value},
    ),
)


async def stalled_page(
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    stichtag: Annotated[QueryDay | None, Query()] = None,
) -> Response:
    """The stalled proposals and guarantees, longest overdue first."""
    as_of = stichtag or today()
    lists = await due_lists(request, rpc, caller, SECTIONS, as_of=as_of)
    rules = await rpc.send(reporting.GET_FOLLOW_UP_RULES, GetFollowUpRules(), caller)
    context = {
        "lists": lists,
        "as_of": as_of,
        "proposal_days": rules.days[Rule.proposal_unanswered],
        "guarantee_days": rules.days[Rule.guarantee_undecided],
    }
    return render(request, "placement/stalled.html", context)


def add_routes(router: APIRouter) -> None:
    """The stalled cases' page on the offers router, before `/{offer_id}` catches its path."""
    router.add_api_route(
        "/festgefahren", stalled_page, methods=["GET"], response_class=HTMLResponse
    )
