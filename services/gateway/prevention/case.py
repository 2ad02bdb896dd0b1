"""The case page of the Wohnintegrationshilfe: its data, its course and the forms of the
steps the caller may take; `page` renders any of the area's pages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

from fastapi import Request
from fastapi.responses import HTMLResponse

from services.gateway.follow_ups.section import Refused, follow_ups_section
from services.gateway.follow_ups.section import Subject as FollowUpSubject
from services.gateway.households.titles import household_titles, neutral_title
from services.gateway.prevention.course import course
from services.gateway.prevention.steps import offered
from services.gateway.web import documents, notes
from services.gateway.web import fields as forms
from services.gateway.web.erasure import ANCHOR, CONFIRMED
from services.gateway.web.templating import render
from shared.clock import today
from shared.contracts.followups import SubjectKind
from shared.contracts.prevention import CaseStatus, CaseView, GetCase
from shared.contracts.prevention import operations as ops
from shared.identity import Caller
from shared.rpc import RpcClient


def page(
    request: Request, name: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    """`render` of the area's template `name` with today's date at hand."""
    return render(request, f"prevention/{name}", {"today": today(), **context}, status_code)


# The form printing a home visit's appointment (home_visit_letter.py).
LETTER_ANCHOR = "hausbesuch-brief"


def _visit_letter(
    case: CaseView, caller: Caller, typed: Mapping[str, str] | None
) -> dict[str, str] | None:
    """The letter form's values (the day the next visit is due, a time to fill in), or
    None where the caller does not visit (only the provider's caseworker, in a running
    case whose data are not erased)."""
    running = case.status is CaseStatus.admitted and case.erased_on is None
    if not (ops.WRITE_LETTER.allows(caller.role) and running):
        return None
    if typed is not None:
        return dict(typed)
    day = case.next_visit_due if case.next_visit_due and case.next_visit_due >= today() else today()
    return {"appointment_on": day.isoformat(), "appointment_at": ""}


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
    follow_ups: Refused | None = None,
) -> HTMLResponse:
    """The case; `active` names the step whose form comes back with `typed` and `errors`
    (and `general`, the service's reason), every other form fresh; `follow_ups`, a refused
    form of the section „Wiedervorlagen“."""
    case = await rpc.send(ops.GET_CASE, GetCase(case_id=case_id), caller)
    steps = offered(case, caller.role)
    values = {
        step.path: forms.form_values(step.fields, typed if step.path == active else None)
        for step in steps
    }
    context = {
        "case": case,
        **await _household(rpc, caller, case.household_id),
        "course": course(case),
        "steps": steps,
        "values": values,
        "active": (
            active
            if active in (ANCHOR, notes.ANCHOR, documents.ANCHOR, LETTER_ANCHOR)
            or any(s.path == active for s in steps)
            else None
        ),
        "errors": errors or {},
        "general": general,
        # Only the coordination erases, once (erasure.py).
        "erasable": ops.ERASE_CASE.allows(caller.role) and case.erased_on is None,
        "confirmed": CONFIRMED,
        "erasure_values": forms.form_values([CONFIRMED], typed if active == ANCHOR else None),
        # The home visit's appointment letter (prevention/home_visit_letter.html).
        "visit_letter": _visit_letter(case, caller, typed if active == LETTER_ANCHOR else None),
        # The section „Wiedervorlagen“ (follow_ups/wiedervorlagen.html).
        "wiedervorlagen": await follow_ups_section(
            request,
            caller,
            rpc,
            FollowUpSubject(
                SubjectKind.prevention_case, case_id, case.provider, f"/ui/praevention/{case_id}"
            ),
            may_change=ops.SCHEDULE_FOLLOW_UP.allows(caller.role) and case.erased_on is None,
            refused=follow_ups,
        ),
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
        # Documents (web/unterlagen.html): filed until the case's data are erased.
        "documents": await documents.documents_section(
            request,
            rpc,
            caller,
            ops.LIST_DOCUMENTS,
            case_id,
            download=f"/ui/praevention/{case_id}/{documents.ANCHOR}",
            action=(
                f"/ui/praevention/{case_id}/{documents.ANCHOR}"
                if ops.UPLOAD_DOCUMENT.allows(caller.role) and case.erased_on is None
                else None
            ),
            **documents.form_state(active, typed, errors, general),
        ),
    }
    return page(request, "case.html", context, status_code)


async def _household(rpc: RpcClient, caller: Caller, household_id: UUID | None) -> dict[str, Any]:
    """The case's household as people know it: its title, linked to its page only if intake
    names it for the caller (another provider's or a restricted household keeps the neutral
    title, unlinked: the page would answer "nicht gefunden")."""
    if household_id is None:
        return {"household_title": None, "household_linked": False}
    title = (await household_titles(rpc, caller, [household_id]))[household_id]
    return {"household_title": title, "household_linked": title != neutral_title(household_id)}
