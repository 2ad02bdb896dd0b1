"""Use cases of the help itself, recorded by the provider running the case: the visit
rhythm, home visits, mediation, negotiations with potential landlords, referrals out.
Notes go to prevention's tables under the act's id; the events carry codes and days."""

from __future__ import annotations

from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncConnection

from services.prevention.adapters.personal_data import save_note
from services.prevention.application import access
from services.prevention.application.case_runner import run
from services.prevention.domain import case_commands as cmd
from shared.application import CommandExecutor
from shared.clock import today
from shared.contracts.prevention import requests as rq
from shared.contracts.prevention.views import CaseRef
from shared.identity import Caller


class HelpActs:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def _act(
        self, caller: Caller, case_id: UUID, entry_id: UUID, command: cmd.Command, note: str | None
    ) -> CaseRef:
        async def personal(conn: AsyncConnection) -> None:
            await save_note(conn, case_id, str(entry_id), note)

        return await run(
            self.commands, caller, case_id, command, personal=personal, entry_id=entry_id
        )

    async def plan_rhythm(
        self, case_id: UUID, request: rq.PlanVisitRhythm, caller: Caller
    ) -> CaseRef:
        access.require(caller, access.PROVIDER, "den Besuchsrhythmus planen")
        command = cmd.PlanVisitRhythm(
            every_days=request.every_days,
            planned_on=request.planned_on or today(),
            next_visit_due=request.next_visit_due,
            today=today(),
        )
        return await run(self.commands, caller, case_id, command)

    async def record_visit(
        self, case_id: UUID, request: rq.RecordHomeVisit, caller: Caller
    ) -> CaseRef:
        access.require(caller, access.PROVIDER, "Hausbesuche festhalten")
        visit_id = request.visit_id or uuid4()
        command = cmd.RecordHomeVisit(
            visit_id=visit_id,
            done_on=request.done_on or today(),
            findings=tuple(request.findings),
            next_visit_due=request.next_visit_due,
            today=today(),
        )
        return await self._act(caller, case_id, visit_id, command, request.note)

    async def record_mediation(
        self, case_id: UUID, request: rq.RecordMediation, caller: Caller
    ) -> CaseRef:
        access.require(caller, access.PROVIDER, "Vermittlungen festhalten")
        mediation_id = request.mediation_id or uuid4()
        command = cmd.RecordMediation(
            mediation_id=mediation_id,
            party=request.party,
            topic=request.topic,
            outcome=request.outcome,
            held_on=request.held_on or today(),
            today=today(),
        )
        return await self._act(caller, case_id, mediation_id, command, request.note)

    async def record_negotiation(
        self, case_id: UUID, request: rq.RecordLandlordNegotiation, caller: Caller
    ) -> CaseRef:
        access.require(caller, access.PROVIDER, "Verhandlungen mit Vermietern festhalten")
        negotiation_id = request.negotiation_id or uuid4()
        command = cmd.RecordLandlordNegotiation(
            negotiation_id=negotiation_id,
            landlord_kind=request.landlord_kind,
            result=request.result,
            held_on=request.held_on or today(),
            today=today(),
        )
        return await self._act(caller, case_id, negotiation_id, command, request.note)

    async def refer_out(self, case_id: UUID, request: rq.ReferOut, caller: Caller) -> CaseRef:
        access.require(caller, access.PROVIDER, "in andere Hilfen vermitteln")
        referral_id = request.referral_id or uuid4()
        command = cmd.ReferOut(
            referral_id=referral_id,
            kind=request.kind,
            referred_on=request.referred_on or today(),
            today=today(),
        )
        return await self._act(caller, case_id, referral_id, command, request.note)
