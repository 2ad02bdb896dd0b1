"""Rendering the Wohnintegrationshilfe pages: the label tables (translated where shown)
for every template, and the case page with its course and the forms of the steps the
caller may take."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

from fastapi import Request
from fastapi.responses import HTMLResponse

from services.gateway.ui import labels_prevention
from services.gateway.ui.prevention_course import course
from services.gateway.ui.prevention_steps import offered
from services.gateway.web import fields as forms
from services.gateway.web.erasure import ANCHOR, CONFIRMED
from services.gateway.web.templating import render
from shared.clock import today
from shared.contracts.prevention import CaseView, GetCase
from shared.identity import Caller, Role
from shared.rpc import RpcClient


def page(
    request: Request, name: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    """`render` with the prevention labels (`lp`) and today's date at hand."""
    return render(
        request, name, {"lp": labels_prevention, "today": today(), **context}, status_code
    )


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
    result = await rpc.call("prevention", "get_case", GetCase(case_id=case_id), caller)
    case = CaseView.model_validate(result)
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
        "active": active if active == ANCHOR or any(s.path == active for s in steps) else None,
        "errors": errors or {},
        "general": general,
        # Only the coordination erases, once (erasure.py).
        "erasable": caller.role is Role.coordinator and case.erased_on is None,
        "confirmed": CONFIRMED,
        "erasure_values": forms.form_values([CONFIRMED], typed if active == ANCHOR else None),
    }
    return page(request, "praevention_fall.html", context, status_code)
