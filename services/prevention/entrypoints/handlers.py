"""Prevention's NATS request handlers (`auszug.rpc.prevention.<name>`), one thin function
per declared operation (shared/contracts/prevention/operations.py)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar
from uuid import UUID

from pydantic import BaseModel

from services.prevention.application.aftercare import AftercareOffers
from services.prevention.application.cases import Cases
from services.prevention.application.course import Course
from services.prevention.application.erasure import CaseErasure
from services.prevention.application.help_acts import HelpActs
from shared.contracts.operation import Addressed, Operation
from shared.contracts.prevention import operations as ops
from shared.contracts.prevention import requests as rq
from shared.contracts.prevention import views as vw
from shared.identity import Caller
from shared.service import ServiceHost

B = TypeVar("B", bound=BaseModel)
R = TypeVar("R", bound=BaseModel)


def register_handlers(host: ServiceHost) -> None:
    cases = Cases(host.commands)
    course = Course(host.commands)
    acts = HelpActs(host.commands)
    aftercare = AftercareOffers(host.commands)
    erasure = CaseErasure(host.commands)
    rpc = host.rpc

    @rpc.handle(ops.RECEIVE_REFERRAL)
    async def receive_referral(body: rq.ReceiveReferral, caller: Caller) -> vw.CaseRef:
        return await cases.receive_referral(body, caller)

    @rpc.handle(ops.GET_CASE)
    async def get_case(body: rq.GetCase, caller: Caller) -> vw.CaseView:
        return await cases.get(body, caller)

    @rpc.handle(ops.LIST_CASES)
    async def list_cases(body: rq.ListCases, caller: Caller) -> vw.CaseList:
        return await cases.listing(body, caller)

    @rpc.handle(ops.OVERDUE_VISITS)
    async def overdue_visits(body: rq.OverdueQuery, caller: Caller) -> vw.OverdueVisits:
        return await cases.overdue(body, caller)

    on_one(host, ops.CHECK_ELIGIBILITY, course.check_eligibility)
    on_one(host, ops.ADMIT_CASE, course.admit)
    on_one(host, ops.REJECT_CASE, course.reject)
    on_one(host, ops.EXTEND_CASE, course.extend)
    on_one(host, ops.RECORD_CONSENT, course.record_consent)
    on_one(host, ops.WITHDRAW_CONSENT, course.withdraw_consent)
    on_one(host, ops.CLOSE_CASE, course.close)
    on_one(host, ops.PLAN_VISIT_RHYTHM, acts.plan_rhythm)
    on_one(host, ops.RECORD_HOME_VISIT, acts.record_visit)
    on_one(host, ops.RECORD_MEDIATION, acts.record_mediation)
    on_one(host, ops.RECORD_LANDLORD_NEGOTIATION, acts.record_negotiation)
    on_one(host, ops.REFER_OUT, acts.refer_out)
    on_one(host, ops.ERASE_CASE, erasure.erase)

    @rpc.handle(ops.LIST_AFTERCARE)
    async def list_aftercare(body: rq.ListAftercare, caller: Caller) -> vw.AftercareList:
        return await aftercare.listing(body, caller)

    on_one(host, ops.ACCEPT_AFTERCARE, aftercare.accept)
    on_one(host, ops.DECLINE_AFTERCARE, aftercare.decline)


def on_one(
    host: ServiceHost,
    op: Operation[Addressed[B], R],
    use_case: Callable[[UUID, B, Caller], Awaitable[R]],
) -> None:
    """The handler of a command on one case or household: its id from the path, the body."""

    @host.rpc.handle(op)
    async def handler(body: Addressed[B], caller: Caller) -> R:
        return await use_case(body.id, body.body, caller)

    handler.__name__ = op.name
