"""The household search (`/ui/suche`): one field for a name, birth date, phone number or
short id; the answer is a paged table of the households the caller may see. The search
field in every page's header sends here."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.web.templating import render
from shared.contracts.intake import operations as intake
from shared.contracts.intake.directory import HouseholdDirectory, SearchHouseholds
from shared.contracts.places import providers_of
from shared.identity import Role

router = APIRouter(prefix="/ui", include_in_schema=False)

ID_TEXT = re.compile(r"[0-9a-f]{4,32}")


def opens_directly(q: str, answer: HouseholdDirectory) -> bool:
    """A (short) id typed that names exactly one household opens it: no list of one."""
    compact = q.strip().replace("-", "").casefold()
    return (
        ID_TEXT.fullmatch(compact) is not None
        and answer.page.total == 1
        and answer.items[0].household_id.hex.startswith(compact)
    )


def search_query(request: Request) -> SearchHouseholds:
    """The search from the URL; a field left empty (the provider "Alle Träger") is unset."""
    given = {name: value for name, value in request.query_params.items() if value.strip()}
    try:
        return SearchHouseholds.model_validate(given)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors()) from exc


@router.get("/suche", response_class=HTMLResponse)
async def search(
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    query: Annotated[SearchHouseholds, Depends(search_query)],
) -> Response:
    answer = await rpc.send(intake.SEARCH_HOUSEHOLDS, query, caller)
    if query.page == 1 and opens_directly(query.q, answer):
        return RedirectResponse(f"/ui/haushalte/{answer.items[0].household_id}", status_code=303)
    # The provider filter is for those who see more than one provider's households.
    providers = providers_of(caller.municipality) if caller.role is not Role.caseworker else {}
    return render(
        request,
        "households/suche.html",
        {"answer": answer, "query": query, "providers": providers},
    )
