"""Case notes on a household (shared/casework/notes.py: why a note is no event).

Whoever may act on the household writes and reads them: the coordination and the
caseworkers of its provider (another provider's household is "not found", as everywhere
in intake). While processing is restricted (Art. 18) the household exists for the
coordination only, which may read its notes but writes none; once its data are erased
there is nothing left to add a note to. The check and the write share one transaction,
so a note never lands after the household's erasure.
"""

from __future__ import annotations

from uuid import UUID

from services.intake.adapters.tables import household_notes
from services.intake.application import access
from services.intake.domain import household as hh
from shared.application import CommandExecutor, load_state
from shared.casework.notes import NoteBook
from shared.contracts.intake import operations as ops
from shared.contracts.notes import ListNotes, NoteList, NoteRef, WriteNote
from shared.contracts.operation import Addressed
from shared.decider import Forbidden, RuleViolation
from shared.identity import Caller
from shared.service import ServiceHost

NOTES = NoteBook(household_notes, "household_id")

RESTRICTED = "Die Verarbeitung der Daten dieses Haushalts ist eingeschränkt: keine neuen Notizen."
ERASED = "Die Daten dieses Haushalts sind gelöscht: keine neuen Notizen."
READERS_ONLY = "Notizen zum Haushalt lesen nur die Koordination und die Fachkräfte seines Trägers."


class HouseholdNotes:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def write(self, household_id: UUID, request: WriteNote, caller: Caller) -> NoteRef:
        access.require_staff(caller)
        stream = hh.stream_id(caller.municipality, household_id)
        async with self.commands.db.transaction() as conn:
            state, _ = await load_state(conn, self.commands.store, hh.household, stream)
            access.require_visible(caller, state)
            if state.erased:
                raise RuleViolation("erased", ERASED)
            if state.restricted:
                raise RuleViolation("restricted", RESTRICTED)
            return await NOTES.write(
                conn, caller.municipality, household_id, request, caller.user_id
            )

    async def listing(self, query: ListNotes, caller: Caller) -> NoteList:
        if caller.role not in access.STAFF:
            raise Forbidden("role", READERS_ONLY)
        state, _ = await self.commands.load(
            hh.household, hh.stream_id(caller.municipality, query.subject_id)
        )
        access.require_visible(caller, state)
        async with self.commands.db.read() as conn:
            return await NOTES.page(conn, caller.municipality, query)


def register(host: ServiceHost) -> None:
    """Answer `WRITE_NOTE` and `LIST_NOTES` on intake's RPC subjects."""
    notes = HouseholdNotes(host.commands)

    @host.rpc.handle(ops.WRITE_NOTE)
    async def write_note(body: Addressed[WriteNote], caller: Caller) -> NoteRef:
        return await notes.write(body.id, body.body, caller)

    @host.rpc.handle(ops.LIST_NOTES)
    async def list_notes(body: ListNotes, caller: Caller) -> NoteList:
        return await notes.listing(body, caller)
