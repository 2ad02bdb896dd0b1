"""Who changed what on a Wohnintegrationshilfe case (shared/casework/history.py): its
stream's events.

Whoever sees the case reads its history, with the checks of its notes (notes.py): the
coordination and the Fachstelle Wohnen every case, a caseworker their own provider's;
a case of a restricted household the coordination only. Everyone else: "not found".
"""

from __future__ import annotations

from services.prevention.application import access
from services.prevention.application.notes import require_visible
from services.prevention.domain import case as cs
from shared.application import CommandExecutor
from shared.casework.history import HistoryBook
from shared.contracts.history import History, HistoryQuery
from shared.contracts.prevention import operations as ops
from shared.identity import Caller
from shared.service import ServiceHost

# No facts: the event types say what happened to the case.
HISTORY = HistoryBook({})


class CaseHistory:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def page(self, query: HistoryQuery, caller: Caller) -> History:
        access.reader(caller)
        stream = cs.stream_id(caller.municipality, query.subject_id)
        state, _ = await self.commands.load(cs.case, stream)
        async with self.commands.db.read() as conn:
            await require_visible(conn, caller, state)
            return await HISTORY.page(conn, stream, query)


def register(host: ServiceHost) -> None:
    """Answer `HISTORY` on prevention's RPC subjects."""
    history = CaseHistory(host.commands)

    @host.rpc.handle(ops.HISTORY)
    async def case_history(body: HistoryQuery, caller: Caller) -> History:
        return await history.page(body, caller)
