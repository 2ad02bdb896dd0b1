"""The JSON API of written follow-ups (Wiedervorlagen) on a household or an inquiry:
`/api/households/{subject_id}/follow-ups` and `/api/inquiries/{subject_id}/follow-ups`,
the list (open and done, each with its history), a new one, and for one of them
`/completion`, `/postponement`, `/reassignment`.

An assignee is named by login, like the responsible caseworker
(households/responsible.py): the gateway accepts an active colleague who may act on the
subject and sends the pseudonym services know them by; no login means the team."""

# No `from __future__ import annotations`: the routes of `_routes` name their subject's id
# by a type made per subject (its path name, its description), which FastAPI reads from
# the evaluated annotations.
from collections.abc import Awaitable, Callable
from datetime import date, time
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel, ConfigDict, Field

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.errors import documented
from services.gateway.follow_ups.pages import (
    case_subject,
    household_subject,
    inquiry_subject,
    offer_subject,
    volunteer_subject,
)
from services.gateway.follow_ups.section import NOT_STAFF, Subject, colleagues
from services.gateway.mail.notify import notify_assigned
from shared.contracts.followups import (
    TEXT_MAX,
    CompleteFollowUp,
    FollowUpRef,
    PostponeFollowUp,
    ReassignFollowUp,
    ScheduleFollowUp,
    SubjectFollowUps,
    SubjectFollowUpsQuery,
)
from shared.contracts.operation import Addressed
from shared.identity import Caller
from shared.rpc import ErrorKind, RemoteError, RpcClient, RpcError
from shared.validation import FieldError

Login = Annotated[
    str | None,
    Field(default=None, min_length=1, max_length=120, pattern=r"^[!-~]+$", description="Login"),
]
FollowUpId = Annotated[UUID, Path(description="Kennung der Wiedervorlage")]


class NewFollowUp(BaseModel):
    """Eine Wiedervorlage: fällig am (heute oder später), Uhrzeit (optional), zuständig
    (Login einer Kollegin oder eines Kollegen; leer: das Team), was zu tun ist."""

    model_config = ConfigDict(extra="forbid")

    follow_up_id: UUID | None = Field(
        default=None, description="Vom Client gewählt, damit eine Wiederholung nichts verdoppelt"
    )
    due_on: date = Field(description="Fällig am")
    due_time: time | None = Field(default=None, description="Uhrzeit (optional)")
    assignee_login: Login = None
    text: str = Field(min_length=1, max_length=TEXT_MAX, description="Was zu tun ist")


class Reassignment(BaseModel):
    """Wer die Wiedervorlage übernimmt: ein Login; leer (null): das Team."""

    model_config = ConfigDict(extra="forbid")

    assignee_login: Login = None


async def _assignee(
    request: Request, caller: Caller, subject: Subject, login: str | None
) -> str | None:
    if login is None:
        return None
    wanted = login.lower()
    staff = await colleagues(request, caller, subject)
    found = next((a for a in staff if a.login.lower() == wanted), None)
    if found is None:
        raise RemoteError(
            RpcError(
                kind=ErrorKind.validation,
                code="invalid",
                message="Bitte die Eingabe prüfen: assignee_login.",
                fields=[FieldError(field="assignee_login", message=NOT_STAFF)],
            )
        )
    return found.service_user_id


SubjectOf = Callable[[RpcClient, Caller, UUID], Awaitable[Subject]]


def _routes(prefix: str, tag: str, name: str, what: str, subject_of: SubjectOf) -> APIRouter:
    """The follow-up routes under one kind of subject: `name`, its id's name in the path
    (as its other routes name it); `what`, its name in the docs."""
    router = APIRouter(prefix=prefix, tags=[tag])
    SubjectId = Annotated[UUID, Path(alias=name, description=f"Kennung {what}")]

    @router.get(
        f"/{{{name}}}/follow-ups", summary=f"Wiedervorlagen {what}", responses=documented(404)
    )
    async def follow_ups(
        subject_id: SubjectId, caller: CurrentCaller, rpc: Rpc
    ) -> SubjectFollowUps:
        """Offene (die früheste zuerst) und erledigte Wiedervorlagen, je mit Verlauf."""
        subject = await subject_of(rpc, caller, subject_id)
        query = SubjectFollowUpsQuery(subject_kind=subject.kind, subject_id=subject.id)
        return await rpc.send(subject.ops.of_subject, query, caller)

    @router.post(
        f"/{{{name}}}/follow-ups",
        status_code=201,
        summary=f"Wiedervorlage {what} anlegen",
        responses=documented(404, 409),
    )
    async def schedule(
        subject_id: SubjectId, body: NewFollowUp, request: Request, caller: CurrentCaller, rpc: Rpc
    ) -> FollowUpRef:
        """Legt eine Wiedervorlage an. Mit derselben `follow_up_id` wiederholt, ändert sie
        nichts; ein Tag vor heute wird abgelehnt."""
        subject = await subject_of(rpc, caller, subject_id)
        command = ScheduleFollowUp(
            follow_up_id=body.follow_up_id,
            subject_kind=subject.kind,
            subject_id=subject.id,
            due_on=body.due_on,
            due_time=body.due_time,
            assignee=await _assignee(request, caller, subject, body.assignee_login),
            text=body.text,
        )
        ref = await rpc.send(subject.ops.schedule, command, caller)
        await notify_assigned(request, caller, subject, ref.follow_up_id, command.assignee)
        return ref

    @router.post(
        f"/{{{name}}}/follow-ups/{{follow_up_id}}/completion",
        summary="Wiedervorlage erledigen",
        responses=documented(404, 409),
    )
    async def complete(
        subject_id: SubjectId, follow_up_id: FollowUpId, caller: CurrentCaller, rpc: Rpc
    ) -> FollowUpRef:
        """Erledigt die Wiedervorlage; eine erledigte ändert sich nicht mehr (409)."""
        subject = await subject_of(rpc, caller, subject_id)
        request = Addressed[CompleteFollowUp](id=follow_up_id, body=CompleteFollowUp())
        return await rpc.send(subject.ops.complete, request, caller)

    @router.post(
        f"/{{{name}}}/follow-ups/{{follow_up_id}}/postponement",
        summary="Wiedervorlage verschieben",
        responses=documented(404, 409),
    )
    async def postpone(
        subject_id: SubjectId,
        follow_up_id: FollowUpId,
        body: PostponeFollowUp,
        caller: CurrentCaller,
        rpc: Rpc,
    ) -> FollowUpRef:
        """Verschiebt die Wiedervorlage auf einen Tag ab heute (und eine Uhrzeit)."""
        subject = await subject_of(rpc, caller, subject_id)
        request = Addressed[PostponeFollowUp](id=follow_up_id, body=body)
        return await rpc.send(subject.ops.postpone, request, caller)

    @router.post(
        f"/{{{name}}}/follow-ups/{{follow_up_id}}/reassignment",
        summary="Wiedervorlage neu zuweisen",
        responses=documented(404, 409),
    )
    async def reassign(
        subject_id: SubjectId,
        follow_up_id: FollowUpId,
        body: Reassignment,
        request: Request,
        caller: CurrentCaller,
        rpc: Rpc,
    ) -> FollowUpRef:
        """Weist die Wiedervorlage einer Kollegin, einem Kollegen oder dem Team zu."""
        subject = await subject_of(rpc, caller, subject_id)
        assignee = await _assignee(request, caller, subject, body.assignee_login)
        command = Addressed[ReassignFollowUp](
            id=follow_up_id, body=ReassignFollowUp(assignee=assignee)
        )
        ref = await rpc.send(subject.ops.reassign, command, caller)
        await notify_assigned(request, caller, subject, ref.follow_up_id, assignee)
        return ref

    return router


households_router = _routes(
    "/api/households", "Haushalte", "household_id", "des Haushalts", household_subject
)
inquiries_router = _routes(
    "/api/inquiries", "Anfragen", "inquiry_id", "der Anfrage", inquiry_subject
)
cases_router = _routes(
    "/api/prevention/cases",
    "Wohnintegrationshilfe",
    "case_id",
    "des Falls",
    case_subject,
)
offers_router = _routes(
    "/api/offers", "Vermittlung", "offer_id", "des Wohnungsangebots", offer_subject
)
volunteers_router = _routes(
    "/api/volunteers",
    "Ehrenamt",
    "volunteer_id",
    "der/des Ehrenamtlichen",
    volunteer_subject,
)
