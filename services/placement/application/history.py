"""Who changed what on an offer (shared/casework/history.py): its stream's events.

The coordination's alone, like the offer's notes: the stream records the proposals,
viewings and guarantees of every provider's households for the flat.
"""

from __future__ import annotations

from services.placement.application import access
from services.placement.domain import offer as of
from shared.application import CommandExecutor
from shared.casework.history import HistoryBook
from shared.contracts.history import History, HistoryQuery
from shared.contracts.placement import operations as ops
from shared.decider import NotFound
from shared.identity import Caller
from shared.service import ServiceHost

WHAT = "die Änderungen eines Wohnungsangebots sehen"
OFFER_NOT_FOUND = "Wohnungsangebot nicht gefunden."
# No facts: what happened and when is what the coordination asks; the households
# concerned are on the offer's page.
HISTORY = HistoryBook({})


class OfferHistory:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def page(self, query: HistoryQuery, caller: Caller) -> History:
        access.coordinator_only(caller, WHAT)
        stream = of.stream_id(caller.municipality, query.subject_id)
        state, _ = await self.commands.load(of.offer, stream)
        if not state.received:
            raise NotFound("offer", OFFER_NOT_FOUND)
        async with self.commands.db.read() as conn:
            return await HISTORY.page(conn, stream, query)


def register(host: ServiceHost) -> None:
    """Answer `HISTORY` on placement's RPC subjects."""
    history = OfferHistory(host.commands)

    @host.rpc.handle(ops.HISTORY)
    async def offer_history(body: HistoryQuery, caller: Caller) -> History:
        return await history.page(body, caller)
