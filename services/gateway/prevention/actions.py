"""The form posts on a Wohnintegrationshilfe case, one route per step
(`POST /ui/praevention/{case_id}/<step>`): on success back to the case (303), otherwise
the case page again with the typed values and the German error (422, 409 or 403). The
coordination's erasure of the case's personal data is posted the same way."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.prevention.case import case_page
from services.gateway.prevention.step import in_words
from services.gateway.prevention.steps import STEPS, Step
from services.gateway.web import fields as forms
from services.gateway.web.erasure import ANCHOR, erase
from services.gateway.web.i18n import N_
from services.gateway.web.notices import notice, saved
from services.gateway.web.security import checked_form
from services.gateway.web.submit import send_form
from shared.contracts.prevention import operations as ops
from shared.validation import FieldError

Handler = Callable[[UUID, Request, CurrentCaller, Rpc], Awaitable[Response]]
STEP_SAVED = notice("fall_schritt", N_("Gespeichert: der Schritt steht im Verlauf des Falls."))
# Appointments are no step of the course: shown in the case's facts (appointment.html).
APPOINTMENT_SAVED = notice(
    "hausbesuch_termin", N_("Gespeichert: der vereinbarte Hausbesuch steht beim Fall.")
)
APPOINTMENT_STEPS = frozenset(
    {"hausbesuch-vereinbaren", "hausbesuch-verschieben", "hausbesuch-absagen"}
)
ERASED = notice("fall_geloescht", N_("Die personenbezogenen Daten des Falls sind gelöscht."))
# A required group of ticks left empty: said here, in words, before the service's
# "Zu wenige Einträge (mindestens 1)." could be.
UNTICKED = N_("Bitte mindestens eines ankreuzen.")
# The service's reason (services/prevention/application/erasure.py).
ERASURE_REFUSED = N_("Nur die Koordination darf personenbezogene Daten löschen.")


def _unticked(fields: Iterable[forms.Field], values: Mapping[str, str]) -> list[FieldError]:
    return [
        FieldError(field=f.name, message=UNTICKED)
        for f in fields
        if f.required
        and f.kind == "codes"
        and not any(values.get(f"{f.name}.{code}") for code in f.options)
    ]


def _handler(step: Step) -> Handler:
    async def take_step(
        case_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
    ) -> Response:
        values = forms.form_values(step.fields, await checked_form(request))
        _, refusal = await send_form(
            rpc,
            step.op,
            forms.body(step.fields, values),
            caller,
            on=case_id,
            known=[f.name for f in step.fields],
            problems=[*forms.missing(step.fields, values), *_unticked(step.fields, values)],
        )
        if refusal is not None:
            refusal = in_words(refusal, step.op, caller.role, step.refused)
            return await case_page(
                request,
                caller,
                rpc,
                case_id,
                active=step.path,
                typed=values,
                errors=refusal.errors,
                general=refusal.general,
                status_code=refusal.status,
            )
        if step.path in APPOINTMENT_STEPS:
            return saved(f"/ui/praevention/{case_id}", APPOINTMENT_SAVED, anchor="termin")
        return saved(f"/ui/praevention/{case_id}", STEP_SAVED, anchor="verlauf")

    take_step.__name__ = f"take_step_{step.path}"
    take_step.__doc__ = f"{step.title}: the form posted on the case page."
    return take_step


async def erase_case(case_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """Erase the case's personal data (coordination), once the form confirms it may."""
    values, refusal = await erase(
        rpc, ops.ERASE_CASE, caller, await checked_form(request), on=case_id
    )
    if refusal is None:
        return saved(f"/ui/praevention/{case_id}", ERASED)
    refusal = in_words(refusal, ops.ERASE_CASE, caller.role, ERASURE_REFUSED)
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
    """Add one POST route per step, and the erasure's, to the area's pages router."""
    for step in STEPS:
        path = f"/{{case_id}}/{step.path}"
        router.add_api_route(path, _handler(step), methods=["POST"], response_class=HTMLResponse)
    path = f"/{{case_id}}/{ANCHOR}"
    router.add_api_route(path, erase_case, methods=["POST"], response_class=HTMLResponse)
