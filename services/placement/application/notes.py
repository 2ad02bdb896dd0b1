"""Case notes on an offer (shared/casework/notes.py: why a note is no event).

**Who.** The coordination's alone, like the offer's written follow-ups (follow_ups.py):
it runs offers, and its notes on one — the landlord's contact on the phone, the viewing
with two families, the keys — speak of the landlord's people and of households of every
provider. A caseworker reads the offer (its facts and their own households' proposals),
but a note cannot be cut down to "what concerns your provider", so it sees none: the
operations admit the coordinator only, and the use case checks again.

**Erasure (Art. 17).** An offer's notes and follow-ups belong to the offer, not to a
household: they are not in a household's Art. 15 export (they are about a flat, and
would show other households' matters), and the offer's erasure is not a household's.
But their text may name a household. So when intake erases a household (or one of its
members), placement blanks what could speak of it: it deletes the notes and replaces
the text of the written follow-ups of every offer the household was proposed for
(`erase_household_texts`), written up to the erasure. A follow-up stays due (its day,
assignee and history are no personal data); its text then says it was erased. A replay
of the erasure (a rebuild) touches nothing written after it. A note on an offer the
household was never proposed for is not found this way: the form asks the coordination
to write a household's matters on the household's own page.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.placement.adapters.tables import follow_ups, offer_notes, proposals
from services.placement.application import access, documents
from services.placement.domain import offer as of
from shared.application import CommandExecutor, load_state
from shared.casework.notes import NoteBook
from shared.contracts.notes import ListNotes, NoteList, NoteRef, WriteNote
from shared.contracts.operation import Addressed
from shared.contracts.placement import operations as ops
from shared.decider import NotFound
from shared.identity import Caller
from shared.service import ServiceHost

NOTES = NoteBook(offer_notes, "offer_id")
WHAT = "Notizen zu Wohnungsangeboten führen"
OFFER_NOT_FOUND = "Wohnungsangebot nicht gefunden."
# What an erased follow-up's text becomes (it stays due; the text was personal data).
ERASED_TEXT = "Text gelöscht (Löschung der Daten eines Haushalts)."


class OfferNotes:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def _require_offer(self, conn: AsyncConnection, caller: Caller, offer_id: UUID) -> None:
        access.coordinator_only(caller, WHAT)
        state, _ = await load_state(
            conn, self.commands.store, of.offer, of.stream_id(caller.municipality, offer_id)
        )
        if not state.received:
            raise NotFound("offer", OFFER_NOT_FOUND)

    async def write(self, offer_id: UUID, request: WriteNote, caller: Caller) -> NoteRef:
        async with self.commands.db.transaction() as conn:
            await self._require_offer(conn, caller, offer_id)
            return await NOTES.write(conn, caller.municipality, offer_id, request, caller.user_id)

    async def listing(self, query: ListNotes, caller: Caller) -> NoteList:
        async with self.commands.db.read() as conn:
            await self._require_offer(conn, caller, query.subject_id)
            return await NOTES.page(conn, caller.municipality, query)


async def erase_household_texts(
    conn: AsyncConnection, municipality: str, household_id: UUID, erased_at: datetime
) -> None:
    """Delete the notes and documents and blank the follow-up texts, written up to
    `erased_at`, of every offer `household_id` was proposed for (Art. 17; see the module
    docstring)."""
    proposed_for = select(proposals.c.offer_id).where(
        proposals.c.household_id == household_id, proposals.c.municipality == municipality
    )
    offer_ids = proposed_for.scalar_subquery()
    # The documents on those offers alike (a lease may name the household), rows and bytes.
    proposed = list(await conn.scalars(proposed_for.distinct()))
    await documents.archive_for(conn).erase(conn, proposed, up_to=erased_at)
    await conn.execute(
        delete(offer_notes).where(
            offer_notes.c.offer_id.in_(offer_ids),
            offer_notes.c.municipality == municipality,
            offer_notes.c.written_at <= erased_at,
        )
    )
    await conn.execute(
        update(follow_ups)
        .where(
            follow_ups.c.subject_id.in_(offer_ids),
            follow_ups.c.municipality == municipality,
            follow_ups.c.scheduled_at <= erased_at,
        )
        .values(text=ERASED_TEXT)
    )


def register(host: ServiceHost) -> None:
    """Answer `WRITE_NOTE` and `LIST_NOTES` on placement's RPC subjects."""
    notes = OfferNotes(host.commands)

    @host.rpc.handle(ops.WRITE_NOTE)
    async def write_note(body: Addressed[WriteNote], caller: Caller) -> NoteRef:
        return await notes.write(body.id, body.body, caller)

    @host.rpc.handle(ops.LIST_NOTES)
    async def list_notes(body: ListNotes, caller: Caller) -> NoteList:
        return await notes.listing(body, caller)
