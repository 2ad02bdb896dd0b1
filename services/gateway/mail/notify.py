"""The immediate mail "a follow-up was assigned to you" (issue 15).

After a follow-up was written or reassigned through the gateway (its JSON API and its
forms), the gateway looks at the follow-up as its owner now keeps it: assigned to a
person other than the caller, whose account has an address, a mail is enqueued. Its key
is the follow-up and the length of its history, so a retried request (which the owner
answers without a new step) finds the key taken and mails nobody twice, while a later
assignment (a new step) mails again.

Nothing here may fail the request that already succeeded: a problem is logged.
"""

from __future__ import annotations

from uuid import UUID

import structlog
from fastapi import Request

from services.gateway.adapters.users import find_by_service_id
from services.gateway.follow_ups.section import ANCHOR, Subject
from services.gateway.mail.outbox import ASSIGNED, Mail, enqueue
from services.gateway.mail.texts import Assigned, assigned_mail
from services.gateway.settings import GatewaySettings
from shared.clock import utcnow
from shared.contracts.followups import SubjectFollowUpsQuery
from shared.db import Database
from shared.identity import Caller
from shared.rpc import RpcClient

log = structlog.get_logger(__name__)


async def notify_assigned(
    request: Request, caller: Caller, subject: Subject, follow_up_id: UUID, assignee: str | None
) -> None:
    """Enqueue the mail of `assignee` (the person the request named; None: the team) if
    there is one to send; never raises."""
    settings: GatewaySettings = request.app.state.settings
    # The team, or the caller themself: nobody to tell, and no need to ask the owner.
    if not settings.mail_on or assignee is None or assignee == caller.user_id:
        return
    try:
        await _notify(request, settings, caller, subject, follow_up_id)
    except Exception:  # the follow-up is saved; a missing mail must not turn it into a 500
        log.exception("assignment mail not enqueued", follow_up_id=str(follow_up_id))


async def _notify(
    request: Request,
    settings: GatewaySettings,
    caller: Caller,
    subject: Subject,
    follow_up_id: UUID,
) -> None:
    # The request's own client may carry the command's idempotency key; a query under it
    # would be a different body under the same key.
    rpc: RpcClient = request.app.state.rpc
    query = SubjectFollowUpsQuery(subject_kind=subject.kind, subject_id=subject.id)
    answer = await rpc.send(subject.ops.of_subject, query, caller)
    view = next((v for v in answer.open if v.follow_up_id == follow_up_id), None)
    if view is None or view.assignee is None or view.assignee == caller.user_id:
        return
    db: Database = request.app.state.db
    async with db.read() as conn:
        account = await find_by_service_id(conn, view.assignee)
    if account is None or not account.active or not account.email:
        return
    what = Assigned(
        subject_kind=view.subject_kind,
        subject_id=view.subject_id,
        household_id=view.household_id,
        due_on=view.due_on,
        due_time=view.due_time,
        page=f"{subject.page}#{ANCHOR}",
    )
    title, body = assigned_mail(what, settings.public_url.rstrip("/"))
    key = f"assigned:{follow_up_id}:{len(view.history)}"
    await enqueue(db, key, ASSIGNED, Mail(account.email, title, body), utcnow())
