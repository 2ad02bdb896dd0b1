"""Case notes on a volunteer (shared/casework/notes.py: why a note is no event).

Staff's alone, like the volunteer's follow-ups (access.py): the coordination and the
volunteer's provider's caseworkers write them, the admin reads them; another provider's
volunteer is "not found", and the volunteer themself never reads what staff wrote about
them (403 by role). Once the volunteer's personal data are erased there is nothing left to
add a note to. The check and the write share one transaction, so a note never lands after
the erasure.
"""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters.tables import volunteer_notes
from services.volunteer.application import access
from services.volunteer.domain import volunteer as vo
from shared.application import CommandExecutor, load_state
from shared.casework.notes import NoteBook
from shared.contracts.notes import ListNotes, NoteList, NoteRef, WriteNote
from shared.contracts.operation import Addressed
from shared.contracts.volunteer import operations as ops
from shared.decider import NotFound, RuleViolation
from shared.identity import Caller
from shared.service import ServiceHost

NOTES = NoteBook(volunteer_notes, "volunteer_id")

NOT_FOUND = "Ehrenamtliche/r nicht gefunden."
ERASED = "Die Daten dieser/dieses Ehrenamtlichen sind gelöscht: keine neuen Notizen."


class VolunteerNotes:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def visible(
        self, conn: AsyncConnection, caller: Caller, volunteer_id: UUID
    ) -> vo.Volunteer:
        state, _ = await load_state(
            conn, self.commands.store, vo.volunteer, vo.stream_id(caller.municipality, volunteer_id)
        )
        if not state.registered:
            raise NotFound("volunteer", NOT_FOUND)
        access.require_visible(caller, state.provider, "volunteer", NOT_FOUND)
        return state

    async def write(self, volunteer_id: UUID, request: WriteNote, caller: Caller) -> NoteRef:
        access.require_manager(caller)
        async with self.commands.db.transaction() as conn:
            state = await self.visible(conn, caller, volunteer_id)
            if state.erased_on is not None:
                raise RuleViolation("erased", ERASED)
            return await NOTES.write(
                conn, caller.municipality, volunteer_id, request, caller.user_id
            )

    async def listing(self, query: ListNotes, caller: Caller) -> NoteList:
        access.require_reader(caller)
        async with self.commands.db.read() as conn:
            await self.visible(conn, caller, query.subject_id)
            return await NOTES.page(conn, caller.municipality, query)


def register(host: ServiceHost) -> None:
    """Answer `WRITE_NOTE` and `LIST_NOTES` on volunteer's RPC subjects."""
    notes = VolunteerNotes(host.commands)

    @host.rpc.handle(ops.WRITE_NOTE)
    async def write_note(body: Addressed[WriteNote], caller: Caller) -> NoteRef:
        return await notes.write(body.id, body.body, caller)

    @host.rpc.handle(ops.LIST_NOTES)
    async def list_notes(body: ListNotes, caller: Caller) -> NoteList:
        return await notes.listing(body, caller)
