"""Case notes on a Wohnintegrationshilfe case (shared/casework/notes.py: why a note is no
event).

Whoever may see the case today writes and reads them (access.py): the coordination and
the Fachstelle Wohnen every case of the municipality, a caseworker their own provider's;
another provider's case is "not found". A case referred with the id of a household whose
processing intake restricted (Art. 18) is the coordination's alone here: for everyone
else its notes do not exist, and nobody adds one while the restriction lasts. Once the
case's personal data are erased there is nothing left to add a note to. The checks and
the write share one transaction, so a note never lands after the case's erasure.
"""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from services.prevention.adapters.restrictions import restricted_among
from services.prevention.adapters.tables import case_file_notes
from services.prevention.application import access
from services.prevention.domain import case as cs
from services.prevention.domain.case_state import Case
from shared.application import CommandExecutor, load_state
from shared.casework.notes import NoteBook
from shared.contracts.notes import ListNotes, NoteList, NoteRef, WriteNote
from shared.contracts.operation import Addressed
from shared.contracts.prevention import operations as ops
from shared.decider import NotFound, RuleViolation
from shared.identity import Caller, Role
from shared.service import ServiceHost

NOTES = NoteBook(case_file_notes, "case_id")

RESTRICTED = "Die Verarbeitung der Daten dieses Haushalts ist eingeschränkt: keine neuen Notizen."
ERASED = "Die Daten dieses Falls sind gelöscht: keine neuen Notizen."


async def require_visible(conn: AsyncConnection, caller: Caller, state: Case) -> bool:
    """Not found unless the caller sees the case and, unless they are the coordination,
    its household is not restricted; whether that household is restricted."""
    access.visible(caller, state)
    if state.household_id is None:
        return False
    restricted = await restricted_among(conn, caller.municipality, [state.household_id])
    if restricted and caller.role is not Role.coordinator:
        raise NotFound("case", "Fall nicht gefunden.")
    return bool(restricted)


class CaseNotes:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def write(self, case_id: UUID, request: WriteNote, caller: Caller) -> NoteRef:
        access.reader(caller)
        stream = cs.stream_id(caller.municipality, case_id)
        async with self.commands.db.transaction() as conn:
            state, _ = await load_state(conn, self.commands.store, cs.case, stream)
            restricted = await require_visible(conn, caller, state)
            if state.erased_on is not None:
                raise RuleViolation("erased", ERASED)
            if restricted:
                raise RuleViolation("restricted", RESTRICTED)
            return await NOTES.write(conn, caller.municipality, case_id, request, caller.user_id)

    async def listing(self, query: ListNotes, caller: Caller) -> NoteList:
        access.reader(caller)
        state, _ = await self.commands.load(
            cs.case, cs.stream_id(caller.municipality, query.subject_id)
        )
        async with self.commands.db.read() as conn:
            await require_visible(conn, caller, state)
            return await NOTES.page(conn, caller.municipality, query)


def register(host: ServiceHost) -> None:
    """Answer `WRITE_NOTE` and `LIST_NOTES` on prevention's RPC subjects."""
    notes = CaseNotes(host.commands)

    @host.rpc.handle(ops.WRITE_NOTE)
    async def write_note(body: Addressed[WriteNote], caller: Caller) -> NoteRef:
        return await notes.write(body.id, body.body, caller)

    @host.rpc.handle(ops.LIST_NOTES)
    async def list_notes(body: ListNotes, caller: Caller) -> NoteList:
        return await notes.listing(body, caller)
