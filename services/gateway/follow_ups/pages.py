"""The forms of the section „Wiedervorlagen“ on a household's and an inquiry's page:
write one (`…/wiedervorlagen`), and for an open one „Erledigt“, „Verschieben“, „Neu
zuweisen“ (`…/wiedervorlagen/{id}/erledigt|verschieben|zuweisen`). Each answers with the
subject's page: after a save with its confirmation (`saved`), after a refusal with the
messages at the form's fields."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.follow_ups.section import (
    ACTIONS,
    ANCHOR,
    COMPLETED,
    NEW,
    NOT_STAFF,
    POSTPONED,
    REASSIGNED,
    RULES_AT_FIELD,
    SCHEDULED,
    Refused,
    Subject,
    assignee_of,
)
from services.gateway.mail.notify import notify_assigned
from services.gateway.web.notices import Notice, saved
from services.gateway.web.security import checked_form
from services.gateway.web.submit import filled, form_values, send_form
from shared.contracts.followups import SubjectKind
from shared.contracts.intake import GetHousehold, GetInquiry
from shared.contracts.intake import operations as intake
from shared.contracts.placement import GetOffer
from shared.contracts.placement import operations as placement
from shared.contracts.prevention import GetCase
from shared.contracts.prevention import operations as prevention
from shared.contracts.volunteer import ById
from shared.contracts.volunteer import operations as volunteer
from shared.identity import Caller
from shared.rpc import RpcClient
from shared.validation import FieldError

router = APIRouter(prefix="/ui", include_in_schema=False)

NEW_FIELDS = ("follow_up_id", "due_on", "due_time", "assignee", "text")
POSTPONE_FIELDS = ("due_on", "due_time")
REASSIGN_FIELDS = ("assignee",)
Again = Callable[[Refused], Awaitable[Response]]
# The confirmation after each form of an open follow-up (section.ACTIONS).
CONFIRMATIONS = {"erledigt": COMPLETED, "verschieben": POSTPONED, "zuweisen": REASSIGNED}


async def household_subject(rpc: RpcClient, caller: Caller, household_id: UUID) -> Subject:
    """The household as a subject; intake answers 404 for one the caller may not see."""
    household = await rpc.send(
        intake.GET_HOUSEHOLD, GetHousehold(household_id=household_id), caller
    )
    return Subject(
        SubjectKind.household, household_id, household.provider, f"/ui/haushalte/{household_id}"
    )


async def inquiry_subject(rpc: RpcClient, caller: Caller, inquiry_id: UUID) -> Subject:
    """An inquiry of the inbox as a subject (the coordination's, so no provider)."""
    await rpc.send(intake.GET_INQUIRY, GetInquiry(inquiry_id=inquiry_id), caller)
    return Subject(SubjectKind.inquiry, inquiry_id, None, f"/ui/anfragen/{inquiry_id}")


async def case_subject(rpc: RpcClient, caller: Caller, case_id: UUID) -> Subject:
    """A prevention case as a subject; prevention answers 404 for another provider's."""
    case = await rpc.send(prevention.GET_CASE, GetCase(case_id=case_id), caller)
    return Subject(
        SubjectKind.prevention_case, case_id, case.provider, f"/ui/praevention/{case_id}"
    )


async def offer_subject(rpc: RpcClient, caller: Caller, offer_id: UUID) -> Subject:
    """An offer as a subject (the coordination's, so no provider); placement answers 404
    for an unknown one, and the follow-up operations admit the coordination only."""
    await rpc.send(placement.GET_OFFER, GetOffer(offer_id=offer_id), caller)
    return Subject(SubjectKind.offer, offer_id, None, f"/ui/wohnungen/{offer_id}")


async def volunteer_subject(rpc: RpcClient, caller: Caller, volunteer_id: UUID) -> Subject:
    """A volunteer as a subject; volunteer answers 404 for another provider's and 403 for
    a role that reads no volunteers (the volunteer themself among them)."""
    found = await rpc.send(volunteer.GET_VOLUNTEER, ById(id=volunteer_id), caller)
    return Subject(
        SubjectKind.volunteer,
        volunteer_id,
        found.provider,
        f"/ui/ehrenamt/ehrenamtliche/{volunteer_id}",
    )


# -- the household's page -------------------------------------------------------------------


def _household_again(request: Request, caller: Caller, rpc: RpcClient, household_id: UUID) -> Again:
    async def again(refused: Refused) -> Response:
        # Imported here: the household's page imports this area's section.
        from services.gateway.households.page import household_page

        return await household_page(
            request, caller, rpc, household_id, follow_ups=refused, status_code=refused.status
        )

    return again


@router.post(f"/haushalte/{{household_id}}/{ANCHOR}", response_class=HTMLResponse)
async def schedule_on_household(
    household_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """Write a follow-up on the household."""
    subject = await household_subject(rpc, caller, household_id)
    again = _household_again(request, caller, rpc, household_id)
    return await schedule(request, caller, rpc, subject, again)


def _on_household(action: str) -> Callable[..., Awaitable[Response]]:
    async def endpoint(
        household_id: UUID, follow_up_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
    ) -> Response:
        subject = await household_subject(rpc, caller, household_id)
        again = _household_again(request, caller, rpc, household_id)
        return await change(request, caller, rpc, subject, follow_up_id, action, again)

    return endpoint


# -- the inquiry's page ---------------------------------------------------------------------


def _inquiry_again(request: Request, caller: Caller, rpc: RpcClient, inquiry_id: UUID) -> Again:
    async def again(refused: Refused) -> Response:
        # Imported here: the inquiry's page imports this area's section.
        from services.gateway.inquiries.inquiry import inquiry_page_with

        return await inquiry_page_with(request, caller, rpc, inquiry_id, follow_ups=refused)

    return again


@router.post(f"/anfragen/{{inquiry_id}}/{ANCHOR}", response_class=HTMLResponse)
async def schedule_on_inquiry(
    inquiry_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """Write a follow-up on the inquiry."""
    subject = await inquiry_subject(rpc, caller, inquiry_id)
    return await schedule(
        request, caller, rpc, subject, _inquiry_again(request, caller, rpc, inquiry_id)
    )


def _on_inquiry(action: str) -> Callable[..., Awaitable[Response]]:
    async def endpoint(
        inquiry_id: UUID, follow_up_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
    ) -> Response:
        subject = await inquiry_subject(rpc, caller, inquiry_id)
        again = _inquiry_again(request, caller, rpc, inquiry_id)
        return await change(request, caller, rpc, subject, follow_up_id, action, again)

    return endpoint


# -- the prevention case's page ------------------------------------------------------------


def _case_again(request: Request, caller: Caller, rpc: RpcClient, case_id: UUID) -> Again:
    async def again(refused: Refused) -> Response:
        # Imported here: the case's page imports this area's section.
        from services.gateway.prevention.case import case_page

        return await case_page(
            request, caller, rpc, case_id, follow_ups=refused, status_code=refused.status
        )

    return again


@router.post(f"/praevention/{{case_id}}/{ANCHOR}", response_class=HTMLResponse)
async def schedule_on_case(
    case_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """Write a follow-up on the prevention case."""
    subject = await case_subject(rpc, caller, case_id)
    return await schedule(request, caller, rpc, subject, _case_again(request, caller, rpc, case_id))


def _on_case(action: str) -> Callable[..., Awaitable[Response]]:
    async def endpoint(
        case_id: UUID, follow_up_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
    ) -> Response:
        subject = await case_subject(rpc, caller, case_id)
        again = _case_again(request, caller, rpc, case_id)
        return await change(request, caller, rpc, subject, follow_up_id, action, again)

    return endpoint


# -- the offer's page ----------------------------------------------------------------------


def _offer_again(request: Request, caller: Caller, rpc: RpcClient, offer_id: UUID) -> Again:
    async def again(refused: Refused) -> Response:
        # Imported here: the offer's page imports this area's section.
        from services.gateway.placement.offer_page import offer_page

        return await offer_page(
            request, caller, rpc, offer_id, follow_ups=refused, status_code=refused.status
        )

    return again


# -- the volunteer's page ----------------------------------------------------------------


def _volunteer_again(request: Request, caller: Caller, rpc: RpcClient, volunteer_id: UUID) -> Again:
    async def again(refused: Refused) -> Response:
        # Imported here: the volunteer's page imports this area's section.
        from services.gateway.volunteer.volunteers import volunteer_page_with

        return await volunteer_page_with(
            request, caller, rpc, volunteer_id, follow_ups=refused, status_code=refused.status
        )

    return again


@router.post(f"/wohnungen/{{offer_id}}/{ANCHOR}", response_class=HTMLResponse)
async def schedule_on_offer(
    offer_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """Write a follow-up on the offer."""
    subject = await offer_subject(rpc, caller, offer_id)
    again = _offer_again(request, caller, rpc, offer_id)
    return await schedule(request, caller, rpc, subject, again)


def _on_offer(action: str) -> Callable[..., Awaitable[Response]]:
    async def endpoint(
        offer_id: UUID, follow_up_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
    ) -> Response:
        subject = await offer_subject(rpc, caller, offer_id)
        again = _offer_again(request, caller, rpc, offer_id)
        return await change(request, caller, rpc, subject, follow_up_id, action, again)

    return endpoint


@router.post(f"/ehrenamt/ehrenamtliche/{{volunteer_id}}/{ANCHOR}", response_class=HTMLResponse)
async def schedule_on_volunteer(
    volunteer_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """Write a follow-up on the volunteer."""
    subject = await volunteer_subject(rpc, caller, volunteer_id)
    again = _volunteer_again(request, caller, rpc, volunteer_id)
    return await schedule(request, caller, rpc, subject, again)


def _on_volunteer(action: str) -> Callable[..., Awaitable[Response]]:
    async def endpoint(
        volunteer_id: UUID, follow_up_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
    ) -> Response:
        subject = await volunteer_subject(rpc, caller, volunteer_id)
        again = _volunteer_again(request, caller, rpc, volunteer_id)
        return await change(request, caller, rpc, subject, follow_up_id, action, again)

    return endpoint


# -- the forms, whatever the subject ----------------------------------------------------------


async def schedule(
    request: Request, caller: Caller, rpc: RpcClient, subject: Subject, again: Again
) -> Response:
    values = form_values(await checked_form(request), NEW_FIELDS)
    assignee, offered = await assignee_of(request, caller, subject, values["assignee"])
    body: dict[str, Any] = {
        **filled(values, "follow_up_id", "due_on", "due_time", "text"),
        "subject_kind": subject.kind.value,
        "subject_id": str(subject.id),
    }
    if assignee:
        body["assignee"] = assignee
    ref, refusal = await send_form(
        rpc,
        subject.ops.schedule,
        body,
        caller,
        rules_at_field=RULES_AT_FIELD,
        known=NEW_FIELDS,
        problems=[] if offered else [FieldError(field="assignee", message=NOT_STAFF)],
    )
    if refusal is not None:
        general = refusal.general or refusal.errors.get("")
        return await again(Refused(NEW, values, refusal.errors, general, refusal.status))
    if ref is not None:
        await notify_assigned(request, caller, subject, ref.follow_up_id, assignee or None)
    return saved(subject.page, SCHEDULED, anchor=ANCHOR)


async def change(
    request: Request,
    caller: Caller,
    rpc: RpcClient,
    subject: Subject,
    follow_up_id: UUID,
    action: str,
    again: Again,
) -> Response:
    done: Notice = CONFIRMATIONS[action]
    submitted = await checked_form(request)
    fields: tuple[str, ...] = ()
    body: dict[str, Any] = {}
    problems: list[FieldError] = []
    if action == "verschieben":
        fields = POSTPONE_FIELDS
        values = form_values(submitted, fields)
        body = filled(values, *fields)
        op: Any = subject.ops.postpone
    elif action == "zuweisen":
        fields = REASSIGN_FIELDS
        values = form_values(submitted, fields)
        assignee, offered = await assignee_of(request, caller, subject, values["assignee"])
        body = {"assignee": assignee} if assignee else {}
        problems = [] if offered else [FieldError(field="assignee", message=NOT_STAFF)]
        op = subject.ops.reassign
    else:
        values = form_values(submitted, fields)
        op = subject.ops.complete
    _, refusal = await send_form(
        rpc,
        op,
        body,
        caller,
        on=follow_up_id,
        rules_at_field=RULES_AT_FIELD,
        known=fields,
        problems=problems,
    )
    if refusal is not None:
        general = refusal.general or refusal.errors.get("")
        form = f"{follow_up_id}-{action}"
        return await again(Refused(form, values, refusal.errors, general, refusal.status))
    if action == "zuweisen":
        await notify_assigned(request, caller, subject, follow_up_id, body.get("assignee"))
    return saved(subject.page, done, anchor=ANCHOR)


# „Erledigt“, „Verschieben“, „Neu zuweisen“: one route each, on either subject's page.
for _action in ACTIONS:
    router.add_api_route(
        f"/haushalte/{{household_id}}/{ANCHOR}/{{follow_up_id}}/{_action}",
        _on_household(_action),
        methods=["POST"],
        response_class=HTMLResponse,
        summary=f"Wiedervorlage eines Haushalts: {_action}",
    )
    router.add_api_route(
        f"/praevention/{{case_id}}/{ANCHOR}/{{follow_up_id}}/{_action}",
        _on_case(_action),
        methods=["POST"],
        response_class=HTMLResponse,
        summary=f"Wiedervorlage eines Falls der Wohnintegrationshilfe: {_action}",
    )
    router.add_api_route(
        f"/anfragen/{{inquiry_id}}/{ANCHOR}/{{follow_up_id}}/{_action}",
        _on_inquiry(_action),
        methods=["POST"],
        response_class=HTMLResponse,
        summary=f"Wiedervorlage einer Anfrage: {_action}",
    )
    router.add_api_route(
        f"/wohnungen/{{offer_id}}/{ANCHOR}/{{follow_up_id}}/{_action}",
        _on_offer(_action),
        methods=["POST"],
        response_class=HTMLResponse,
        summary=f"Wiedervorlage eines Wohnungsangebots: {_action}",
    )
    router.add_api_route(
        f"/ehrenamt/ehrenamtliche/{{volunteer_id}}/{ANCHOR}/{{follow_up_id}}/{_action}",
        _on_volunteer(_action),
        methods=["POST"],
        response_class=HTMLResponse,
        summary=f"Wiedervorlage einer/eines Ehrenamtlichen: {_action}",
    )
