"""One household's page (`/ui/haushalte/{id}`): its data, its history, the access log for
the coordination, and the forms of the actions the caller may take (one of them coming
back with the typed values and the errors after a refused post)."""

from __future__ import annotations

from collections.abc import Mapping
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.follow_ups.section import Refused, follow_ups_section
from services.gateway.follow_ups.section import Subject as FollowUpSubject
from services.gateway.households.access_log import access_log_section
from services.gateway.households.actions import offered, untouched
from services.gateway.households.master_data_view import master_data_context
from services.gateway.households.responsible_view import FORM as RESPONSIBLE_FORM
from services.gateway.households.responsible_view import responsible_of
from services.gateway.households.timeline import next_steps, placement_timeline, timeline
from services.gateway.households.titles import household_titles
from services.gateway.placement import formats as offer_formats
from services.gateway.placement.household_offers import fitting_offers, proposed_for
from services.gateway.web import documents, notes
from services.gateway.web import fields as forms
from services.gateway.web.erasure import CONFIRMATION
from services.gateway.web.i18n import gettext
from services.gateway.web.templating import render
from shared.contracts.followups import SubjectKind
from shared.contracts.intake import ERASED, GetHousehold
from shared.contracts.intake import operations as intake
from shared.contracts.placement import CourseEntry, HouseholdCourseQuery
from shared.contracts.placement import operations as placement
from shared.identity import Caller, Role
from shared.rpc import ErrorKind, RemoteError, RpcClient

router = APIRouter(prefix="/ui", include_in_schema=False)
OTHER_FORMS = (
    "doppelfaelle",
    "aufheben",
    "stammdaten",
    "bedarf",
    RESPONSIBLE_FORM,
    notes.ANCHOR,
    documents.ANCHOR,
)
# A person's erasure form is "mitglied-<member_id>" (member_erasure.py).
MEMBER_FORM = "mitglied-"


@router.get("/haushalte/{household_id}", response_class=HTMLResponse)
async def show_household(
    household_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """One household: data, history, the actions the role may take, the access log."""
    return await household_page(request, caller, rpc, household_id)


async def household_page(
    request: Request,
    caller: Caller,
    rpc: RpcClient,
    household_id: UUID,
    *,
    active: str | None = None,
    typed: Mapping[str, str] | None = None,
    errors: Mapping[str, str] | None = None,
    general: str | None = None,
    status_code: int = 200,
    follow_ups: Refused | None = None,
) -> HTMLResponse:
    """The household; `active` names the action whose form comes back with `typed` and
    `errors` (and `general`, intake's reason), every other form fresh; `follow_ups`, a
    refused form of the section „Wiedervorlagen“."""
    household = await rpc.send(
        intake.GET_HOUSEHOLD, GetHousehold(household_id=household_id), caller
    )
    course = await _placement_course(rpc, household_id, caller)
    actions = [(a, a.fields(household)) for a in offered(household, caller.role)]
    values = {
        a.path: forms.form_values(fields, typed if a.path == active else None)
        for a, fields in actions
    }
    access_log = None
    if caller.role is Role.coordinator:
        access_log = await access_log_section(request, caller.municipality, household_id)
    titles = await household_titles(rpc, caller, [household_id])
    context = {
        "household": household,
        # "Familie Öztürk (Caritas Köln, 2 Personen)": the page is named as the lists name it.
        "title": titles.get(household_id),
        "timeline": sorted(timeline(household) + placement_timeline(course), key=lambda e: e.on),
        "steps": next_steps(household, caller.role.value),
        "actions": actions,
        "values": values,
        # A refusal shows at its form; one whose form is not on the page, at the top.
        "active": active if active in values or _other_form(active) else None,
        # The coordination erases one person at a time, as long as the household's data
        # are neither restricted nor erased as a whole.
        "member_erasure": caller.role is Role.coordinator and untouched(household),
        "member_typed": typed if (active or "").startswith(MEMBER_FORM) and typed else {},
        "confirmation": CONFIRMATION,
        # The messages are German (pydantic's, intake's, the form's): shown translated.
        "errors": {name: gettext(message) for name, message in (errors or {}).items()},
        "general": general,
        "access_log": access_log,
        "erased_word": ERASED,
        "zustaendig": await responsible_of(request.app.state.db, caller, household),
        **await master_data_context(request, caller, household, active=active, typed=typed),
        # Placement's section (placement/household_offers.html).
        "placement_proposals": proposed_for(course),
        "fitting_offers": await fitting_offers(rpc, caller, household_id),
        "offer_formats": offer_formats,
        # The section „Wiedervorlagen“ (follow_ups/wiedervorlagen.html).
        "wiedervorlagen": await follow_ups_section(
            request,
            caller,
            rpc,
            FollowUpSubject(
                SubjectKind.household,
                household_id,
                household.provider,
                f"/ui/haushalte/{household_id}",
            ),
            may_change=caller.role in (Role.coordinator, Role.caseworker)
            and household.privacy is None,
            refused=follow_ups,
        ),
        # Case notes (web/notizen.html): written while the data may be processed.
        "notes": await notes.notes_section(
            request,
            rpc,
            caller,
            intake.LIST_NOTES,
            household_id,
            action=(
                f"/ui/haushalte/{household_id}/{notes.ANCHOR}"
                if intake.WRITE_NOTE.allows(caller.role) and household.privacy is None
                else None
            ),
            **notes.form_state(active, typed, errors, general),
        ),
        # Documents (web/unterlagen.html): filed while the data may be processed.
        "documents": await documents.documents_section(
            request,
            rpc,
            caller,
            intake.LIST_DOCUMENTS,
            household_id,
            download=f"/ui/haushalte/{household_id}/{documents.ANCHOR}",
            action=(
                f"/ui/haushalte/{household_id}/{documents.ANCHOR}"
                if intake.UPLOAD_DOCUMENT.allows(caller.role) and household.privacy is None
                else None
            ),
            **documents.form_state(active, typed, errors, general),
        ),
    }
    return render(request, "households/page.html", context, status_code=status_code)


def _other_form(active: str | None) -> bool:
    return active in OTHER_FORMS or (active or "").startswith(MEMBER_FORM)


async def _placement_course(
    rpc: RpcClient, household_id: UUID, caller: Caller
) -> list[CourseEntry]:
    """What placement did with the household; nothing where the caller's role does not
    reach placement, or placement does not answer right now (the page still shows)."""
    try:
        course = await rpc.send(
            placement.HOUSEHOLD_COURSE, HouseholdCourseQuery(household_id=household_id), caller
        )
    except RemoteError as exc:
        if exc.error.kind in (ErrorKind.forbidden, ErrorKind.not_found, ErrorKind.unavailable):
            return []
        raise
    return course.entries
