"""The coordinator's decisions on possible duplicates: link, keep apart, undo; and the list."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection

from services.intake.adapters.duplicates import list_candidates, set_status
from services.intake.application import access
from services.intake.domain import household as hh
from services.intake.domain import household_commands as cmd
from shared.access import guarded
from shared.application import CommandExecutor
from shared.clock import today
from shared.contracts.intake import DuplicateDecision, Duplicates, DuplicateView, ListDuplicates
from shared.identity import Caller

ACTION = "über mögliche Doppelfälle entscheiden"


class DuplicateDecisions:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def link(self, request: DuplicateDecision, caller: Caller) -> DuplicateView:
        return await self._decide(
            request, caller, cmd.LinkAsDuplicate(request.other_household_id, today())
        )

    async def dismiss(self, request: DuplicateDecision, caller: Caller) -> DuplicateView:
        return await self._decide(
            request, caller, cmd.DismissDuplicate(request.other_household_id, today())
        )

    async def revoke(self, request: DuplicateDecision, caller: Caller) -> DuplicateView:
        return await self._decide(
            request, caller, cmd.RevokeDuplicateDecision(request.other_household_id, today())
        )

    async def _decide(
        self, request: DuplicateDecision, caller: Caller, command: cmd.Command
    ) -> DuplicateView:
        access.require_coordinator(caller, ACTION)
        decider = guarded(hh.household, lambda s: access.require_visible(caller, s))

        async def write_status(conn: AsyncConnection, state: hh.Household) -> None:
            status = state.duplicate_status(request.other_household_id)
            assert status is not None
            await set_status(conn, request.household_id, request.other_household_id, status)

        outcome = await self.commands.execute(
            decider,
            hh.stream_id(caller.municipality, request.household_id),
            command,
            caller.command_context(),
            provider=lambda state: state.provider,
            also=write_status,
        )
        status = outcome.state.duplicate_status(request.other_household_id)
        assert status is not None
        return DuplicateView(
            household_id=request.household_id,
            other_household_id=request.other_household_id,
            status=status,
        )

    async def list(self, query: ListDuplicates, caller: Caller) -> Duplicates:
        access.require_coordinator(caller, ACTION)
        async with self.commands.db.read() as conn:
            items = await list_candidates(conn, caller.municipality, query.status)
        return Duplicates(items=items)
