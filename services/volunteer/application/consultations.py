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

# Matches no provider code (those are lower-case words), so a mismatch lists nothing.
_NOBODY = "\x00"


def list_filter(query: c.ListConsultations, caller: Caller) -> consultation_list.Filter:
    """The filter `caller` may run for `query`; raises Forbidden for roles without access."""
    scope = access.provider_scope(caller)
    provider = query.provider if scope is None else scope
    if scope is not None and query.provider not in (None, scope):
        provider = _NOBODY
    return consultation_list.Filter(
        provider=provider,
        appointments_only=query.appointments_only,
        from_day=query.from_day,
        to_day=query.to_day,
        limit=query.limit,
    )


class Consultations:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def listing(self, query: c.ListConsultations, caller: Caller) -> c.ConsultationList:
        found = list_filter(query, caller)
        async with self.commands.db.read() as conn:
            entries = await consultation_list.listing(conn, caller.municipality, found)
        return c.ConsultationList(consultations=entries)
