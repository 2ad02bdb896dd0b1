"""Volunteer pages: register a volunteer (Träger, Stadtteil and languages chosen by name),
show one with the onboarding steps, record a step, erase one's personal data
(coordination); each save confirmed on the volunteer's page."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.adapters.users import logins_of
from services.gateway.auth.logins import service_user_id
from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.follow_ups.section import Refused, follow_ups_section
from services.gateway.follow_ups.section import Subject as FollowUpSubject
from services.gateway.volunteer.page import page
from services.gateway.web import documents, notes
from services.gateway.web.erasure import ANCHOR, CONFIRMED, erase
from services.gateway.web.i18n import N_
from services.gateway.web.notices import notice, saved
from services.gateway.web.security import checked_form
from services.gateway.web.submit import Refusal, by_field, filled, form_values, send_form
from shared.clock import today
from shared.contracts import volunteer as c
from shared.contracts.followups import SubjectKind
from shared.contracts.places import LANGUAGES, districts_of
from shared.contracts.volunteer import operations as ops
from shared.identity import Caller, Role
from shared.rpc import RemoteError, RpcClient
from shared.validation import FieldError

router = APIRouter(prefix="/ui", include_in_schema=False)

FIELDS = (
    "provider",
    "user_id",
    "registered_on",
    "given_name",
    "family_name",
    "phone",
    "email",
    "district",
    "languages",
)
STEP_FIELDS = ("step", "done_on")


# The languages are ticked, one box each ("languages.ar"): a choice, not typed codes.
LANGUAGE_FIELDS = tuple(f"languages.{code}" for code in LANGUAGES)
REGISTERED = notice("ehrenamt_aufgenommen", N_("Die/der Ehrenamtliche ist aufgenommen."))
STEP_DONE = notice("einstieg_erfasst", N_("Der Schritt ist erfasst."))
ERASED = notice("ehrenamt_geloescht", N_("Name, Kontakt und Login sind gelöscht."))
NO_PROVIDER = N_("Bitte den Träger wählen.")
# Shown instead of a code's pattern message: the choices cannot give a wrong code, only a
# tampered or outdated form can.
NOT_OFFERED = N_("Bitte einen der angebotenen Einträge wählen.")


def _choices(caller: Caller) -> dict[str, Any]:
    """Stadtteil and languages as choices by name (the provider: macros.html)."""
    return {
        "districts": dict(sorted(districts_of(caller.municipality).items(), key=lambda x: x[1])),
        "languages": sorted(LANGUAGES.items(), key=lambda x: x[1]),
    }


def _new_page(
    request: Request, caller: Caller, values: dict[str, str], refusal: Refusal | None = None
) -> Response:
    context = {"form": values, **_choices(caller)}
    return page(request, "volunteer/volunteer_new.html", context, refusal)


@router.get("/ehrenamt/ehrenamtliche/neu", response_class=HTMLResponse)
async def new_volunteer(request: Request, caller: CurrentCaller) -> Response:
    start = {"provider": caller.provider or "", "registered_on": today().isoformat()}
    return _new_page(request, caller, form_values(start, (*FIELDS, *LANGUAGE_FIELDS)))


@router.post("/ehrenamt/ehrenamtliche/neu", response_class=HTMLResponse)
async def register_volunteer(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    values = form_values(await checked_form(request), (*FIELDS, *LANGUAGE_FIELDS))
    body: dict[str, object] = {**filled(values, *FIELDS[:-1])}
    body["provider"] = values["provider"]
    body["languages"] = [code for code in LANGUAGES if values[f"languages.{code}"]]
    if body.get("user_id"):
        # Services know a person by the account's pseudonymous id, not by the login.
        try:
            body["user_id"] = await service_user_id(
                request, caller, str(body["user_id"]), "user_id"
            )
        except RemoteError as exc:
            refused = Refusal(422, by_field(exc.error.fields))
            return _new_page(request, caller, values, refused)
    # Said first: the field's message is the first one found for it.
    unchosen = [] if values["provider"] else [FieldError(field="provider", message=NO_PROVIDER)]
    ref, refusal = await send_form(rpc, ops.REGISTER_VOLUNTEER, body, caller, problems=unchosen)
    if refusal:
        _in_words(refusal)
        return _new_page(request, caller, values, refusal)
    assert ref is not None  # send_form answers the volunteer or the refusal
    return saved(f"/ui/ehrenamt/ehrenamtliche/{ref.volunteer_id}", REGISTERED)


def _in_words(refusal: Refusal) -> None:
    """The languages' errors on their one group; a code's format message (only a tampered
    form sends a code not offered) in words."""
    for name in [n for n in refusal.errors if n.startswith("languages.")]:
        refusal.errors.setdefault("languages", refusal.errors.pop(name))
    for name in ("provider", "district", "languages"):
        if name in refusal.errors and refusal.errors[name].startswith("Ungültiges Format"):
            refusal.errors[name] = NOT_OFFERED


@router.get("/ehrenamt/ehrenamtliche/{volunteer_id}", response_class=HTMLResponse)
async def volunteer_page(
    volunteer_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """The volunteer with onboarding steps, and a form to record the next step."""
    step = form_values({"done_on": today().isoformat()}, STEP_FIELDS)
    return await _volunteer_page(request, caller, rpc, volunteer_id, step)


@router.post("/ehrenamt/ehrenamtliche/{volunteer_id}/einstieg", response_class=HTMLResponse)
async def record_step(
    volunteer_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    values = form_values(await checked_form(request), STEP_FIELDS)
    body = filled(values, *STEP_FIELDS)
    op = ops.RECORD_ONBOARDING_STEP
    _, refusal = await send_form(rpc, op, body, caller, on=volunteer_id)
    if refusal:
        return await _volunteer_page(request, caller, rpc, volunteer_id, values, refusal)
    return saved(f"/ui/ehrenamt/ehrenamtliche/{volunteer_id}", STEP_DONE)


@router.post("/ehrenamt/ehrenamtliche/{volunteer_id}/loeschung", response_class=HTMLResponse)
async def erase_volunteer(
    volunteer_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """Erase the volunteer's name, contact and login (coordination), once confirmed."""
    submitted = await checked_form(request)
    values, refusal = await erase(rpc, ops.ERASE_VOLUNTEER, caller, submitted, on=volunteer_id)
    if refusal is None:
        return saved(f"/ui/ehrenamt/ehrenamtliche/{volunteer_id}", ERASED)
    step = form_values({"done_on": today().isoformat()}, STEP_FIELDS)
    erasure = {"refused_form": ANCHOR, "erasure_values": values}
    return await _volunteer_page(request, caller, rpc, volunteer_id, step, refusal, erasure)


async def _volunteer_page(
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    volunteer_id: UUID,
    step: dict[str, str],
    refusal: Refusal | None = None,
    erasure: dict[str, Any] | None = None,
    *,
    follow_ups: Refused | None = None,
    notes_state: Mapping[str, Any] | None = None,
    documents_state: Mapping[str, Any] | None = None,
    status_code: int | None = None,
) -> HTMLResponse:
    volunteer = await rpc.send(ops.GET_VOLUNTEER, c.ById(id=volunteer_id), caller)
    login = None
    if volunteer.user_id:
        # The service knows the account's pseudonymous id; staff know the login.
        async with request.app.state.db.read() as conn:
            login = (await logins_of(conn, {volunteer.user_id})).get(volunteer.user_id)
    context: dict[str, Any] = {"volunteer": volunteer, "login": login or volunteer.user_id}
    context["form"] = step
    # Only the coordination erases, once (erasure.py); its form keeps its own refusal.
    context |= {
        "erasable": caller.role is Role.coordinator and volunteer.erased_on is None,
        "confirmed": CONFIRMED,
        "refused_form": None,
        "erasure_values": {},
        **(erasure or {}),
    }
    context |= await _casework(
        request, caller, rpc, volunteer, follow_ups, notes_state, documents_state
    )
    if status_code is not None:
        # A refused form of the sections below: its status, its messages at its form.
        refusal = Refusal(status_code)
    return page(request, "volunteer/volunteer.html", context, refusal)


async def _casework(
    request: Request,
    caller: Caller,
    rpc: Rpc,
    volunteer: c.VolunteerView,
    follow_ups: Refused | None,
    notes_state: Mapping[str, Any] | None,
    documents_state: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Staff's sections „Wiedervorlagen“, „Notizen“ and „Unterlagen“ on the volunteer
    (written until the volunteer's personal data are erased); the volunteer themself never
    reaches this page."""
    writable = volunteer.erased_on is None
    path = f"/ui/ehrenamt/ehrenamtliche/{volunteer.volunteer_id}"
    subject = FollowUpSubject(
        SubjectKind.volunteer, volunteer.volunteer_id, volunteer.provider, path
    )
    return {
        "wiedervorlagen": await follow_ups_section(
            request,
            caller,
            rpc,
            subject,
            may_change=ops.SCHEDULE_FOLLOW_UP.allows(caller.role) and writable,
            refused=follow_ups,
        ),
        "notes": await notes.notes_section(
            request,
            rpc,
            caller,
            ops.LIST_NOTES,
            volunteer.volunteer_id,
            action=(
                f"{path}/{notes.ANCHOR}"
                if ops.WRITE_NOTE.allows(caller.role) and writable
                else None
            ),
            **(notes_state or {}),
        ),
        "documents": await documents.documents_section(
            request,
            rpc,
            caller,
            ops.LIST_DOCUMENTS,
            volunteer.volunteer_id,
            download=f"{path}/{documents.ANCHOR}",
            action=(
                f"{path}/{documents.ANCHOR}"
                if ops.UPLOAD_DOCUMENT.allows(caller.role) and writable
                else None
            ),
            **(documents_state or {}),
        ),
    }


async def volunteer_page_with(
    request: Request,
    caller: Caller,
    rpc: RpcClient,
    volunteer_id: UUID,
    *,
    follow_ups: Refused | None = None,
    notes_state: Mapping[str, Any] | None = None,
    documents_state: Mapping[str, Any] | None = None,
    status_code: int | None = None,
) -> HTMLResponse:
    """The volunteer's page again after a refused form of its follow-ups, notes or
    documents."""
    step = form_values({"done_on": today().isoformat()}, STEP_FIELDS)
    return await _volunteer_page(
        request,
        caller,
        rpc,
        volunteer_id,
        step,
        follow_ups=follow_ups,
        notes_state=notes_state,
        documents_state=documents_state,
        status_code=status_code,
    )


@router.post(
    f"/ehrenamt/ehrenamtliche/{{volunteer_id}}/{notes.ANCHOR}", response_class=HTMLResponse
)
async def write_volunteer_note(
    volunteer_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """Write a note on the volunteer; its page shows it first."""

    async def again(**state: Any) -> HTMLResponse:
        status = state.pop("status_code", 422)
        return await volunteer_page_with(
            request,
            caller,
            rpc,
            volunteer_id,
            notes_state=notes.form_state(state.pop("active", None), **state),
            status_code=status,
        )

    path = f"/ui/ehrenamt/ehrenamtliche/{volunteer_id}"
    return await notes.post_note(request, rpc, caller, ops.WRITE_NOTE, volunteer_id, path, again)
