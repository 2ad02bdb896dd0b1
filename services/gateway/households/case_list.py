"""The case list (`/ui`, one page of reporting's caseboard); the old open-by-id address
sends to the household search (households/search.py).

`/ui` is every role's entry: a role that sees no case list is sent to its start page
(web/start_pages.py). A caseworker's list opens as "Meine Fälle" (the cases they are responsible
for), a coordinator on all cases. Filters, sorting and the page live in the URL; a filter
value the caseboard refuses comes back as a message at its field, the others kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any
from urllib.parse import urlencode
from uuid import UUID

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from services.gateway.adapters.users import staff_names
from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.households.titles import household_titles
from services.gateway.web.i18n import N_, gettext
from services.gateway.web.start_pages import CASE_LIST_ROLES, start_page
from services.gateway.web.templating import render
from shared.contracts import places
from shared.contracts.reporting import Caseboard, CaseboardQuery, Stage
from shared.contracts.reporting import operations as reporting
from shared.contracts.reporting.labels import STAGE
from shared.db import Database
from shared.identity import Caller, Role
from shared.rpc import ErrorKind, RemoteError

router = APIRouter(prefix="/ui", include_in_schema=False)

# The URL's parameters of the list; `responsible` "alle" is every case of the scope.
PARAMETERS = ("provider", "stage", "min_days_in_stage", "responsible", "sort", "descending")
PAGING = ("page", "per_page")
EVERYONE = "alle"
# What a person reads at the field whose value the caseboard refused.
MESSAGES = {
    "provider": N_("Bitte einen Träger aus der Liste wählen."),
    "stage": N_("Bitte eine Stufe aus der Liste wählen."),
    "min_days_in_stage": N_("Bitte eine ganze Zahl von Tagen angeben, z. B. 30."),
    "responsible": N_("Bitte „alle“, „ich“ oder „niemand“ wählen."),
}
# Choices of the "Tage in der Stufe" dropdown (overdue cases).
DAY_CHOICES = (14, 30, 90, 180, 365)
RESPONSIBLE = {EVERYONE: N_("alle"), "mine": N_("ich"), "nobody": N_("niemand")}


@dataclass
class ListRequest:
    query: CaseboardQuery
    typed: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def list_request(request: Request, caller: Caller) -> ListRequest:
    """The caseboard query of the URL; refused values dropped, each with its message."""
    typed = {
        name: value.strip()
        for name in (*PARAMETERS, *PAGING)
        if (value := request.query_params.get(name)) is not None
    }
    values: dict[str, Any] = {name: value for name, value in typed.items() if value}
    responsible = typed.get("responsible")
    if responsible is None:
        # A caseworker's list starts as "Meine Fälle"; everyone else's as all cases.
        responsible = "mine" if caller.role is Role.caseworker else EVERYONE
        typed["responsible"] = responsible
    values["responsible"] = None if responsible in (EVERYONE, "") else responsible
    errors: dict[str, str] = {}
    while True:
        try:
            return ListRequest(CaseboardQuery.model_validate(values), typed, errors)
        except ValidationError as exc:
            wrong = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
            if not wrong & set(values):
                raise
            for name in wrong:
                values.pop(name, None)
                if name in MESSAGES:
                    errors[name] = gettext(MESSAGES[name])


@router.get("", response_class=HTMLResponse)
async def case_list(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """One page of the caseboard from reporting; until reporting answers, an open-by-id box."""
    if caller.role not in CASE_LIST_ROLES:
        return RedirectResponse(start_page(caller.role), status_code=303)
    asked = list_request(request, caller)
    board: Caseboard | None
    try:
        board = await rpc.send(reporting.CASEBOARD, asked.query, caller)
    except RemoteError as exc:
        if exc.error.kind is not ErrorKind.unavailable:
            raise
        board = None
    titles: dict[UUID, str] = {}
    responsible: dict[str, str] = {}
    if board is not None and board.cases:
        titles = await household_titles(rpc, caller, [c.household_id for c in board.cases])
        db: Database = request.app.state.db
        async with db.read() as conn:
            responsible = await staff_names(
                conn, {c.caseworker for c in board.cases if c.caseworker}
            )
    context = {
        "board": board,
        "query": asked.query,
        "form": asked.typed,
        "errors": asked.errors,
        "titles": titles,
        "responsible": responsible,
        "providers": places.providers_of(caller.municipality),
        "stages": {stage.value: STAGE[stage.value] for stage in Stage},
        "responsible_choices": RESPONSIBLE,
        "day_choices": DAY_CHOICES,
        "mine": asked.query.responsible == "mine",
    }
    # A refused filter is a message at its field on a working list, not an error page.
    return render(request, "households/case_list.html", context)


@router.get("/haushalte", response_class=HTMLResponse)
async def open_by_id(kennung: Annotated[str, Query()], caller: CurrentCaller) -> Response:
    """The former open-by-id box (bookmarks, old links): the search answers it now, which
    opens a household whose id was typed and says so when nothing matches."""
    return RedirectResponse(f"/ui/suche?{urlencode({'q': kennung})}", status_code=303)
