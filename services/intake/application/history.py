"""Who changed what on a household (shared/casework/history.py): its stream's events.

Whoever sees the household's page reads its history: the coordination and the
caseworkers of its provider; another provider's household is "not found", and so is a
restricted one (Art. 18) for all but the coordination (access.require_visible).
"""

from __future__ import annotations

from services.intake.application import access
from services.intake.domain import household as hh
from shared.application import CommandExecutor
from shared.casework.history import HistoryBook
from shared.contracts.history import History, HistoryQuery
from shared.contracts.intake import operations as ops
from shared.decider import Forbidden
from shared.identity import Caller
from shared.service import ServiceHost

READERS_ONLY = (
    "Die Änderungen eines Haushalts sehen nur die Koordination und die Fachkräfte seines Trägers."
)

# What an entry may show: which fields a rectification changed (their names, never a
# value), and between which providers a household was handed over.
HISTORY = HistoryBook(
    {
        "PersonalDataCorrected": ("fields",),
        "HouseholdHandedOver": ("from_provider", "to_provider"),
    }
)


class HouseholdHistory:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def page(self, query: HistoryQuery, caller: Caller) -> History:
        if caller.role not in access.STAFF:
            raise Forbidden("role", READERS_ONLY)
        stream = hh.stream_id(caller.municipality, query.subject_id)
        state, _ = await self.commands.load(hh.household, stream)
        access.require_visible(caller, state)
        async with self.commands.db.read() as conn:
            return await HISTORY.page(conn, stream, query)


def register(host: ServiceHost) -> None:
    """Answer `HISTORY` on intake's RPC subjects."""
    history = HouseholdHistory(host.commands)

    @host.rpc.handle(ops.HISTORY)
    async def household_history(body: HistoryQuery, caller: Caller) -> History:
        return await history.page(body, caller)
