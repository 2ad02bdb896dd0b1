"""Use cases around a whole case: receive a referral, show a case, list cases, and list
the home visits that are overdue."""

from __future__ import annotations

from uuid import uuid4

from sqlalchemy.ext.asyncio import AsyncConnection

from services.prevention.adapters.case_index import list_cases, overdue_visits
from services.prevention.adapters.personal_data import load_personal_data, save_referral
from services.prevention.application import access
from services.prevention.application.case_runner import run
from services.prevention.application.case_view import case_view
from services.prevention.domain import case as cs
from services.prevention.domain import case_commands as cmd
from shared.access import require_known_provider
from shared.application import CommandExecutor
from shared.clock import today
from shared.contracts.prevention import requests as rq
from shared.contracts.prevention import views as vw
from shared.identity import Caller
from shared.validation import client_id_guard


class Cases:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def receive_referral(self, request: rq.ReceiveReferral, caller: Caller) -> vw.CaseRef:
        """A referral opens a case; contact, address and who referred stay in tables."""
        access.require(caller, access.REFERRERS, "Meldungen aufnehmen")
        access.require_own_provider(caller, request.provider)
        require_known_provider(caller, request.provider)
        case_id = request.case_id or uuid4()
        command = cmd.ReceiveReferral(
            case_id=case_id,
            provider=request.provider,
            source=request.source,
            target_group=request.target_group,
            housing_situation=request.housing_situation,
            adults=request.adults,
            minors=request.minors,
            household_id=request.household_id,
            received_on=request.received_on or today(),
            today=today(),
        )

        async def personal(conn: AsyncConnection) -> None:
            await save_referral(conn, caller.municipality, case_id, request)

        async with client_id_guard("already_referred", request.case_id):
            return await run(
                self.commands, caller, case_id, command, personal=personal, new_case=True
            )

    async def get(self, query: rq.GetCase, caller: Caller) -> vw.CaseView:
        access.reader(caller)
        state, version = await self.commands.load(
            cs.case, cs.stream_id(caller.municipality, query.case_id)
        )
        access.visible(caller, state)
        async with self.commands.db.read() as conn:
            personal = await load_personal_data(conn, query.case_id)
        return case_view(caller.municipality, state, version, personal, today())

    async def listing(self, query: rq.ListCases, caller: Caller) -> vw.CaseList:
        access.reader(caller)
        scope = access.provider_scope(caller)
        if scope.nothing:
            return vw.CaseList(cases=[], page=query.info(0))
        as_of = query.as_of or today()
        async with self.commands.db.read() as conn:
            return await list_cases(conn, caller.municipality, scope.provider, query, as_of)

    async def overdue(self, query: rq.OverdueQuery, caller: Caller) -> vw.OverdueVisits:
        access.reader(caller)
        as_of = query.as_of or today()
        scope = access.provider_scope(caller)
        if scope.nothing:
            return vw.OverdueVisits(as_of=as_of, visits=[])
        async with self.commands.db.read() as conn:
            found = await overdue_visits(conn, caller.municipality, scope.provider, as_of)
        return vw.OverdueVisits(as_of=as_of, visits=found)
