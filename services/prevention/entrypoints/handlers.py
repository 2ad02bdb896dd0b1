"""Prevention's NATS request handlers (`auszug.rpc.prevention.<name>`): one thin function
per command or query."""

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
from shared.contracts.prevention import requests as rq
from shared.contracts.prevention import views as vw
from shared.identity import Caller
from shared.service import ServiceHost

B = TypeVar("B", bound=BaseModel)


def register_handlers(host: ServiceHost) -> None:
    cases = Cases(host.commands)
    course = Course(host.commands)
    acts = HelpActs(host.commands)
    aftercare = AftercareOffers(host.commands)
    rpc = host.rpc

    @rpc.handle("receive_referral", rq.ReceiveReferral)
    async def receive_referral(body: rq.ReceiveReferral, caller: Caller) -> vw.CaseRef:
        return await cases.receive_referral(body, caller)

    @rpc.handle("get_case", rq.GetCase)
    async def get_case(body: rq.GetCase, caller: Caller) -> vw.CaseView:
        return await cases.get(body, caller)

    @rpc.handle("list_cases", rq.ListCases)
    async def list_cases(body: rq.ListCases, caller: Caller) -> vw.CaseList:
        return await cases.listing(body, caller)

    @rpc.handle("overdue_visits", rq.OverdueQuery)
    async def overdue_visits(body: rq.OverdueQuery, caller: Caller) -> vw.OverdueVisits:
        return await cases.overdue(body, caller)

    on_case(
        host, "check_eligibility", rq.CaseCommand[rq.CheckEligibility], course.check_eligibility
    )
    on_case(host, "admit_case", rq.CaseCommand[rq.AdmitCase], course.admit)
    on_case(host, "reject_case", rq.CaseCommand[rq.RejectCase], course.reject)
    on_case(host, "extend_case", rq.CaseCommand[rq.ExtendCase], course.extend)
    on_case(host, "record_consent", rq.CaseCommand[rq.RecordConsent], course.record_consent)
    on_case(host, "withdraw_consent", rq.CaseCommand[rq.WithdrawConsent], course.withdraw_consent)
    on_case(host, "close_case", rq.CaseCommand[rq.CloseCase], course.close)
    on_case(host, "plan_visit_rhythm", rq.CaseCommand[rq.PlanVisitRhythm], acts.plan_rhythm)
    on_case(host, "record_home_visit", rq.CaseCommand[rq.RecordHomeVisit], acts.record_visit)
    on_case(host, "record_mediation", rq.CaseCommand[rq.RecordMediation], acts.record_mediation)
    on_case(
        host,
        "record_landlord_negotiation",
        rq.CaseCommand[rq.RecordLandlordNegotiation],
        acts.record_negotiation,
    )
    on_case(host, "refer_out", rq.CaseCommand[rq.ReferOut], acts.refer_out)
    erasure = CaseErasure(host.commands)
    on_case(host, "erase_case", rq.CaseCommand[rq.EraseCase], erasure.erase)

    @rpc.handle("list_aftercare", rq.ListAftercare)
    async def list_aftercare(body: rq.ListAftercare, caller: Caller) -> vw.AftercareList:
        return await aftercare.listing(body, caller)

    @rpc.handle("accept_aftercare", rq.AftercareCommand[rq.AcceptAftercare])
    async def accept_aftercare(
        body: rq.AftercareCommand[rq.AcceptAftercare], caller: Caller
    ) -> vw.AftercareRef:
        return await aftercare.accept(body.household_id, body.body, caller)

    @rpc.handle("decline_aftercare", rq.AftercareCommand[rq.DeclineAftercare])
    async def decline_aftercare(
        body: rq.AftercareCommand[rq.DeclineAftercare], caller: Caller
    ) -> vw.AftercareRef:
        return await aftercare.decline(body.household_id, body.body, caller)


def on_case(
    host: ServiceHost,
    name: str,
    model: type[rq.CaseCommand[B]],
    use_case: Callable[[UUID, B, Caller], Awaitable[vw.CaseRef]],
) -> None:
    """A handler for a command on one case: the case id from the path, then the body."""

    @host.rpc.handle(name, model)
    async def handler(body: rq.CaseCommand[B], caller: Caller) -> vw.CaseRef:
        return await use_case(body.case_id, body.body, caller)
