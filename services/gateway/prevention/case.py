"""The case page of the Wohnintegrationshilfe: its data, its course and the forms of the
steps the caller may take; `page` renders any of the area's pages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

from fastapi import Request
from fastapi.responses import HTMLResponse

from services.gateway.prevention.course import course
from services.gateway.prevention.steps import offered
from services.gateway.web import fields as forms
from services.gateway.web import notes
from services.gateway.web.erasure import ANCHOR, CONFIRMED
from services.gateway.web.templating import render
from shared.clock import today
from shared.contracts.prevention import GetCase
from shared.contracts.prevention import operations as ops
from shared.identity import Caller
from shared.rpc import RpcClient


def page(
    request: Request, name: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    """`render` of the area's template `name` with today's date at hand."""
    return render(request, f"prevention/{name}", {"today": today(), **context}, status_code)


async def case_page(
    request: Request,
    caller: Caller,
    rpc: RpcClient,
    case_id: UUID,
    *,
    active: str | None = None,
    typed: Mapping[str, str] | None = None,
    errors: Mapping[str, str] | None = None,
    general: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    """The case; `active` names the step whose form comes back with `typed` and `errors`
    (and `general`, the service's reason), every other form fresh."""
    case = await rpc.send(ops.GET_CASE, GetCase(case_id=case_id), caller)
    steps = offered(case, caller.role)
    values = {
        step.path: forms.form_values(step.fields, typed if step.path == active else None)
        for step in steps
    }
    context = {
        "case": case,
        "course": course(case),
        "steps": steps,
        "values": values,
        "active": (
            active
            if active in (ANCHOR, notes.ANCHOR) or any(s.path == active for s in steps)
            else None
        ),
        "errors": errors or {},
        "general": general,
        # Only the coordination erases, once (erasure.py).
        "erasable": ops.ERASE_CASE.allows(caller.role) and case.erased_on is None,
        "confirmed": CONFIRMED,
        "erasure_values": forms.form_values([CONFIRMED], typed if active == ANCHOR else None),
        # Case notes (web/notizen.html): written until the case's data are erased.
        "notes": await notes.notes_section(
            request,
            rpc,
            caller,
            ops.LIST_NOTES,
            case_id,
            action=(
                f"/ui/praevention/{case_id}/{notes.ANCHOR}"
                if ops.WRITE_NOTE.allows(caller.role) and case.erased_on is None
                else None
            ),
            **notes.form_state(active, typed, errors, general),
        ),
    }
    return page(request, "case.html", context, status_code)
