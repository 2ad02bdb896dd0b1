"""Use cases of aftercare offers: the household accepts or declines, and the list staff
work from. Offers themselves come from the policy reacting to placement's events.

The offer of a household whose processing intake restricted (Art. 18 DSGVO) is left out
of the list and answers 404 to everyone but a coordinator; it is not withdrawn.
"""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from services.prevention.adapters.aftercare_offers import index_aftercare, list_aftercare
from services.prevention.adapters.restrictions import restricted_among
from services.prevention.application import access
from services.prevention.domain import aftercare as ac
from shared.access import guarded
from shared.application import CommandExecutor
from shared.clock import today
from shared.contracts.prevention import requests as rq
from shared.contracts.prevention import views as vw
from shared.decider import NotFound
from shared.identity import Caller, Role


class AftercareOffers:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def accept(
        self, household_id: UUID, request: rq.AcceptAftercare, caller: Caller
    ) -> vw.AftercareRef:
        """The household accepted the offered aftercare."""
        access.require(caller, access.AFTERCARE_DECIDERS, "über die Nachbetreuung entscheiden")
        command = ac.AcceptAftercare(decided_on=request.accepted_on or today(), today=today())
        return await self._decide(household_id, command, caller)

    async def decline(
        self, household_id: UUID, request: rq.DeclineAftercare, caller: Caller
    ) -> vw.AftercareRef:
        """The household declined the offered aftercare, or could not be reached."""
        access.require(caller, access.AFTERCARE_DECIDERS, "über die Nachbetreuung entscheiden")
        command = ac.DeclineAftercare(
            reason=request.reason, decided_on=request.declined_on or today(), today=today()
        )
        return await self._decide(household_id, command, caller)

    async def _decide(
        self, household_id: UUID, command: ac.Command, caller: Caller
    ) -> vw.AftercareRef:
        if not sees_restricted(caller):
            async with self.commands.db.read() as conn:
                hidden = await restricted_among(conn, caller.municipality, [household_id])
            if hidden:
                raise NotFound("aftercare", "Kein Angebot der Nachbetreuung für diesen Haushalt.")

        def check(state: ac.Aftercare) -> None:
            if not access.may_see(caller, state.provider):
                raise NotFound("aftercare", "Kein Angebot der Nachbetreuung für diesen Haushalt.")

        async def write(conn: AsyncConnection, state: ac.Aftercare) -> None:
            await index_aftercare(conn, caller.municipality, state)

        outcome = await self.commands.execute(
            guarded(ac.aftercare, check),
            ac.stream_id(caller.municipality, household_id),
            command,
            caller.command_context(),
            provider=lambda state: state.provider,
            also=write,
        )
        assert outcome.state.status is not None
        return vw.AftercareRef(
            household_id=household_id, status=outcome.state.status, version=outcome.version
        )

    async def listing(self, query: rq.ListAftercare, caller: Caller) -> vw.AftercareList:
        access.reader(caller)
        scope = access.provider_scope(caller)
        if scope.nothing:
            return vw.AftercareList(offers=[], page=query.info(0))
        async with self.commands.db.read() as conn:
            return await list_aftercare(
                conn,
                caller.municipality,
                scope.provider,
                query,
                with_restricted=sees_restricted(caller),
            )


def sees_restricted(caller: Caller) -> bool:
    """Only a coordinator reads a household whose processing is restricted."""
    return caller.role is Role.coordinator
