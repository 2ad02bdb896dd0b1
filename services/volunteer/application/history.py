"""Who changed what on a volunteer (shared/casework/history.py): its stream's events.

Staff who read the volunteer's page read its history (access.py): the coordination and
the admin every volunteer, a caseworker their own provider's; another provider's
volunteer is "not found", and the volunteer themself reads none (403 by role).
"""

from __future__ import annotations

from services.volunteer.application import access
from services.volunteer.domain import volunteer as vo
from shared.application import CommandExecutor
from shared.casework.history import HistoryBook
from shared.contracts.history import History, HistoryQuery
from shared.contracts.volunteer import operations as ops
from shared.decider import NotFound
from shared.identity import Caller
from shared.service import ServiceHost

NOT_FOUND = "Ehrenamtliche/r nicht gefunden."
# No facts: the event types say what happened (registered, onboarding step, left).
HISTORY = HistoryBook({})


class VolunteerHistory:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def page(self, query: HistoryQuery, caller: Caller) -> History:
        access.require_reader(caller)
        stream = vo.stream_id(caller.municipality, query.subject_id)
        state, _ = await self.commands.load(vo.volunteer, stream)
        if not state.registered:
            raise NotFound("volunteer", NOT_FOUND)
        access.require_visible(caller, state.provider, "volunteer", NOT_FOUND)
        async with self.commands.db.read() as conn:
            return await HISTORY.page(conn, stream, query)


def register(host: ServiceHost) -> None:
    """Answer `HISTORY` on volunteer's RPC subjects."""
    history = VolunteerHistory(host.commands)

    @host.rpc.handle(ops.HISTORY)
    async def volunteer_history(body: HistoryQuery, caller: Caller) -> History:
        return await history.page(body, caller)
