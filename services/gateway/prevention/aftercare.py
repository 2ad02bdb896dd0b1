"""Aftercare (Nachbetreuung) after a placement into a flat of the household's own:
`GET /ui/praevention/nachbetreuung` lists the offers the caller may see, a page at a time
(filters, sort and page in the URL), each household by its title; coordination and the
provider's caseworker record the household's answer (`POST …/{household_id}/annahme` or
`…/ablehnung`), confirmed on the list. A refused form comes back on the list, open at its
offer, with the typed values and the reason.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.households.titles import household_titles
from services.gateway.prevention.case import page
from services.gateway.prevention.step import in_words
from services.gateway.web import fields as forms
from services.gateway.web.fields import Field
from services.gateway.web.i18n import N_
from services.gateway.web.list_query import beyond_last, list_query
from services.gateway.web.notices import Notice, notice, saved
from services.gateway.web.security import checked_form
from services.gateway.web.submit import Refusal, send_form
from shared.contracts import prevention as p
from shared.contracts.operation import Addressed, Operation
from shared.contracts.places import providers_of
from shared.contracts.prevention import labels as pl
from shared.contracts.prevention import operations as ops
from shared.identity import Caller, Role
from shared.rpc import RpcClient

PATH = "/ui/praevention/nachbetreuung"
# Only the roles deciding aftercare are shown the forms (both operations have the same).
DECIDERS = ops.ACCEPT_AFTERCARE.roles
# The service's reason (services/prevention/application/access.py).
REFUSED = N_("Nur Koordination oder Fachkraft des Trägers darf über die Nachbetreuung entscheiden.")
ACCEPT = (Field("accepted_on", N_("Tag der Annahme"), "date", today=True, required=True),)
DECLINE = (
    Field("reason", N_("Grund"), "select", pl.AFTERCARE_DECLINE_REASON, required=True),
    Field("declined_on", N_("Tag der Ablehnung"), "date", today=True, required=True),
)
ACCEPTED = notice("nachbetreuung_angenommen", N_("Die Annahme der Nachbetreuung ist festgehalten."))
DECLINED = notice(
    "nachbetreuung_abgelehnt", N_("Die Ablehnung der Nachbetreuung ist festgehalten.")
)
Handler = Callable[[UUID, Request, Caller, RpcClient], Awaitable[Response]]


@dataclass(frozen=True)
class Action:
    op: Operation[Addressed[Any], p.AftercareRef]
    fields: tuple[Field, ...]
    title: str
    notice: Notice


# By the last part of the form's path.
ACTIONS = {
    "annahme": Action(ops.ACCEPT_AFTERCARE, ACCEPT, N_("Annahme festhalten"), ACCEPTED),
    "ablehnung": Action(ops.DECLINE_AFTERCARE, DECLINE, N_("Ablehnung festhalten"), DECLINED),
}


async def _listing(
    request: Request,
    caller: Caller,
    rpc: Rpc,
    query: p.ListAftercare,
    *,
    active: tuple[UUID, str] | None = None,
    typed: Mapping[str, str] | None = None,
    refused: Refusal | None = None,
) -> HTMLResponse:
    found = await rpc.send(ops.LIST_AFTERCARE, query, caller)
    if (last := beyond_last(query, found.page)) is not None:
        query, found = last, await rpc.send(ops.LIST_AFTERCARE, last, caller)
    fresh = {path: forms.form_values(a.fields, None) for path, a in ACTIONS.items()}
    context = {
        "answer": found,
        "offers": found.offers,
        # Intake answers a title only for a household the caller may see (the Fachstelle
        # Wohnen sees none: it keeps the neutral "Haushalt 1a2b3c4d").
        "titles": await household_titles(rpc, caller, [o.household_id for o in found.offers]),
        "query": query,
        "providers": {} if caller.role is Role.caseworker else providers_of(caller.municipality),
        "actions": ACTIONS,
        "fresh": fresh,
        # The same roles reach the household pages: the household id becomes a link.
        "decides": caller.role in DECIDERS,
        "active": active,
        "typed": typed or {},
        "errors": refused.errors if refused else {},
        "general": refused.general if refused else None,
    }
    status = refused.status if refused else 200
    return page(request, "aftercare.html", context, status)


async def aftercare_list(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """One page of the aftercare offers the caller may see; filters, sort, page in the URL."""
    return await _listing(request, caller, rpc, list_query(request, p.ListAftercare))


def _decision(action: str) -> Handler:
    chosen = ACTIONS[action]

    async def decide(
        household_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
    ) -> Response:
        values = forms.form_values(chosen.fields, await checked_form(request))
        _, refusal = await send_form(
            rpc,
            chosen.op,
            forms.body(chosen.fields, values),
            caller,
            on=household_id,
            known=[f.name for f in chosen.fields],
            problems=forms.missing(chosen.fields, values),
        )
        if refusal is not None:
            return await _listing(
                request,
                caller,
                rpc,
                list_query(request, p.ListAftercare),
                active=(household_id, action),
                typed=values,
                refused=in_words(refusal, chosen.op, caller.role, REFUSED),
            )
        return saved(PATH, chosen.notice)

    decide.__name__ = f"aftercare_{action}"
    decide.__doc__ = "The household's answer to the aftercare offer, from the list's form."
    return decide


def install(router: APIRouter) -> None:
    """Add the aftercare routes to the area's pages router, before `/{case_id}`."""
    router.add_api_route(
        "/nachbetreuung", aftercare_list, methods=["GET"], response_class=HTMLResponse
    )
    for action in ACTIONS:
        router.add_api_route(
            f"/nachbetreuung/{{household_id}}/{action}",
            _decision(action),
            methods=["POST"],
            response_class=HTMLResponse,
        )
