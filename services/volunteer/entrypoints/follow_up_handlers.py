"""NATS request/reply handlers for written follow-ups on volunteers
(`auszug.rpc.volunteer.<name>`), registered by their declarations."""

from __future__ import annotations

from services.volunteer.application.follow_ups import volunteer_follow_ups
from shared.contracts.followups import (
    CompleteFollowUp,
    FollowUpRef,
    FollowUpTexts,
    FollowUpTextsQuery,
    PostponeFollowUp,
    ReassignFollowUp,
    ScheduleFollowUp,
    SubjectFollowUps,
    SubjectFollowUpsQuery,
)
from shared.contracts.operation import Addressed
from shared.contracts.volunteer import operations as ops
from shared.identity import Caller
from shared.service import ServiceHost


def register_follow_up_handlers(host: ServiceHost) -> None:
    follow_ups = volunteer_follow_ups(host.commands)
    rpc = host.rpc

    @rpc.handle(ops.SCHEDULE_FOLLOW_UP)
    async def schedule_follow_up(body: ScheduleFollowUp, caller: Caller) -> FollowUpRef:
        return await follow_ups.schedule(body, caller)

    @rpc.handle(ops.REASSIGN_FOLLOW_UP)
    async def reassign_follow_up(body: Addressed[ReassignFollowUp], caller: Caller) -> FollowUpRef:
        return await follow_ups.reassign(body.id, body.body, caller)

    @rpc.handle(ops.POSTPONE_FOLLOW_UP)
    async def postpone_follow_up(body: Addressed[PostponeFollowUp], caller: Caller) -> FollowUpRef:
        return await follow_ups.postpone(body.id, body.body, caller)

    @rpc.handle(ops.COMPLETE_FOLLOW_UP)
    async def complete_follow_up(body: Addressed[CompleteFollowUp], caller: Caller) -> FollowUpRef:
        return await follow_ups.complete(body.id, caller)

    @rpc.handle(ops.FOLLOW_UP_TEXTS)
    async def follow_up_texts(body: FollowUpTextsQuery, caller: Caller) -> FollowUpTexts:
        return await follow_ups.texts(body, caller)

    @rpc.handle(ops.SUBJECT_FOLLOW_UPS)
    async def subject_follow_ups(body: SubjectFollowUpsQuery, caller: Caller) -> SubjectFollowUps:
        return await follow_ups.of_subject(body, caller)
