"""Use case: list the consultations recorded (Beratungen), newest first.

Scoped like volunteer's other reads: a caseworker sees their own provider's only (a
filter for another provider finds nothing rather than telling it exists), coordinator
and admin every provider of the municipality, other roles nothing (403).
"""

from __future__ import annotations

from services.volunteer.adapters import consultation_list
from services.volunteer.application import access
from shared.application import CommandExecutor
from shared.contracts import volunteer as c
from shared.identity import Caller


def list_filter(query: c.ListConsultations, caller: Caller) -> consultation_list.Filter | None:
    """The filter `caller` may run for `query`, None when it can find nothing (a filter
    for another provider than the caseworker's own); raises Forbidden for roles without
    access."""
    scope = access.provider_scope(caller).narrowed(query.provider)
    if scope.nothing:
        return None
    return consultation_list.Filter(provider=scope.provider, query=query)


class Consultations:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def listing(self, query: c.ListConsultations, caller: Caller) -> c.ConsultationList:
        found = list_filter(query, caller)
        if found is None:
            return c.ConsultationList(consultations=[], page=query.info(0))
        async with self.commands.db.read() as conn:
            entries, total = await consultation_list.listing(conn, caller.municipality, found)
        return c.ConsultationList(consultations=entries, page=query.info(total))
