"""The form posts on a Wohnintegrationshilfe case, one route per step
(`POST /ui/praevention/{case_id}/<step>`): on success back to the case (303), otherwise
the case page again with the typed values and the German error (422, 409 or 403). The
coordination's erasure of the case's personal data is posted the same way."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.ui.prevention_page import case_page
from services.gateway.ui.prevention_steps import STEPS, Step
from services.gateway.ui.prevention_submit import send
from services.gateway.web import fields as forms
from services.gateway.web.erasure import ANCHOR, erase_by_name
from services.gateway.web.security import checked_form
from services.gateway.web.submit import Refusal
from shared.contracts.prevention import EraseCase

Handler = Callable[[UUID, Request, CurrentCaller, Rpc], Awaitable[Response]]


def _handler(step: Step) -> Handler:
    async def take_step(
        case_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
    ) -> Response:
        values = forms.form_values(step.fields, await checked_form(request))
        outcome = await send(rpc, caller, step.rpc, step.model, step.fields, values, case_id)
        if isinstance(outcome, Refusal):
            return await case_page(
                request,
                caller,
                rpc,
                case_id,
                active=step.path,
                typed=values,
                errors=outcome.errors,
                general=outcome.general,
                status_code=outcome.status,
            )
        return RedirectResponse(f"/ui/praevention/{case_id}", status_code=303)

    take_step.__name__ = f"take_step_{step.path}"
    take_step.__doc__ = f"{step.title}: the form posted on the case page."
    return take_step


async def erase_case(case_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """Erase the case's personal data (coordination), once the form confirms it may."""
    submitted = await checked_form(request)
    target = ("case_id", case_id)
    values, refusal = await erase_by_name(
        rpc, "prevention", "erase_case", EraseCase, caller, submitted, target=target
    )
    if refusal is None:
        return RedirectResponse(f"/ui/praevention/{case_id}", status_code=303)
    return await case_page(
        request,
        caller,
        rpc,
        case_id,
        active=ANCHOR,
        typed=values,
        errors=refusal.errors,
        general=refusal.general,
        status_code=refusal.status,
    )


def install(router: APIRouter) -> None:
    """Add one POST route per step, and the erasure's, to the prevention pages' router."""
    for step in STEPS:
        path = f"/{{case_id}}/{step.path}"
        router.add_api_route(path, _handler(step), methods=["POST"], response_class=HTMLResponse)
    path = f"/{{case_id}}/{ANCHOR}"
    router.add_api_route(path, erase_case, methods=["POST"], response_class=HTMLResponse)
