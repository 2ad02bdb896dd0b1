"""Case notes kept by the service that owns their subject (shared/contracts/notes.py).

A context wires notes in a few lines: a table from `note_table` in its own metadata (and a
migration creating it), one `NoteBook` over it, a use case that checks that the caller may
act on the subject and then calls `write` / `page` inside its own transaction, and the
table in its erasure and its Art. 15 export (`erase`, `export`).

**Why no event.** A note is free text about a person: it must not enter the event stream,
which keeps everything for years and which erasure (Art. 17 DSGVO) cannot change
(docs/architecture.md, invariant 6). What an event could carry beside it — "someone wrote
a note on this subject on this day" — is no fact any figure, read model or other context
uses, so the write is one plain transaction in the owning service: the note row, and the
request's idempotency key (shared/idempotency.py claims it in every write transaction).
A follow-up that a note settles is completed by its own command, with its own event.

**Retry.** The client may choose the note's id (`WriteNote.note_id`; the staff UI puts a
fresh one into each form). Sending the same note again — same id, subject, author, kind
and text — stores nothing and answers the same reference; the same id with anything else is
`IdUnavailable` (409), alike whoever and wherever took it, so nothing leaks.

**No correction, no deletion.** A note is a dated record others may have read and acted
on; like an entry in a paper file it stays as written, and a correction is a further note
("Korrektur zur Notiz vom …"). Personal data go with the subject's erasure as a whole
(Art. 17); the day-old typo is not worth a second, weaker erasure path.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import (
    Column,
    Date,
    Index,
    MetaData,
    Row,
    String,
    Table,
    Text,
    Uuid,
    delete,
    func,
    insert,
    select,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.clock import today, utcnow
from shared.contracts.notes import ListNotes, NoteKind, NoteList, NoteRef, NoteView, WriteNote
from shared.eventstore.schema import UTCDateTime
from shared.validation import IdUnavailable, client_id_guard

# The refusal code of a client-chosen note id that is taken (by another note).
TAKEN = "note_id_taken"


def note_table(name: str, metadata: MetaData, subject: str) -> Table:
    """The notes table of a context: `subject` names the column of the subject's id, as the
    context's other personal-data tables name it (`household_id`, `case_id`), so its
    erasure and export treat this table like the others."""
    return Table(
        name,
        metadata,
        Column("note_id", Uuid, primary_key=True),
        Column(subject, Uuid, nullable=False),
        Column("municipality", String(64), nullable=False),
        # Not `kind`: the Art. 15 document reads a column's codes by its name alone.
        Column("note_kind", String(20), nullable=False),
        Column("written_on", Date, nullable=False),
        Column("text", Text, nullable=False),
        # The pseudonymous user id (as events carry `actor`), never a name or a login.
        Column("author", String(100), nullable=False),
        Column("written_at", UTCDateTime(), nullable=False),
        # One subject's page, newest day first, in the index's order.
        Index(f"ix_{name}_{subject}_written", subject, "written_on", "written_at"),
    )


@dataclass(frozen=True)
class Draft:
    """A note as the write would store it."""

    note_id: UUID
    subject_id: UUID
    author: str
    kind: NoteKind
    written_on: date
    text: str


def draft(subject_id: UUID, request: WriteNote, author: str, on: date) -> Draft:
    """The note `request` writes on `subject_id` today (`on`), unless it names its day."""
    return Draft(
        note_id=request.note_id or uuid4(),
        subject_id=subject_id,
        author=author,
        kind=request.kind,
        written_on=request.written_on or on,
        text=request.text,
    )


def is_retry(stored: Draft, sent: Draft, day_given: bool) -> bool:
    """Whether `sent` is the stored note sent again. Without a day of its own the note is
    "today", and a retry after midnight is still the same note."""
    same = (stored.subject_id, stored.author, stored.kind, stored.text) == (
        sent.subject_id,
        sent.author,
        sent.kind,
        sent.text,
    )
    return same and (not day_given or stored.written_on == sent.written_on)


class NoteBook:
    """One context's notes on one kind of subject, in `table` (from `note_table`)."""

    def __init__(self, table: Table, subject: str) -> None:
        self.table = table
        self.subject = table.c[subject]

    async def write(
        self,
        conn: AsyncConnection,
        municipality: str,
        subject_id: UUID,
        request: WriteNote,
        author: str,
    ) -> NoteRef:
        """Store the note inside `conn`'s transaction (the caller checked the subject)."""
        note = draft(subject_id, request, author, today())
        t = self.table
        found = (await conn.execute(select(t).where(t.c.note_id == note.note_id))).first()
        if found is not None:
            if is_retry(self._draft(found), note, request.written_on is not None):
                return NoteRef(note_id=note.note_id, subject_id=subject_id)
            raise IdUnavailable(TAKEN)
        async with client_id_guard(TAKEN, request.note_id):
            await conn.execute(
                insert(t).values(
                    {
                        "note_id": note.note_id,
                        self.subject.name: subject_id,
                        "municipality": municipality,
                        "note_kind": note.kind.value,
                        "written_on": note.written_on,
                        "text": note.text,
                        "author": author,
                        "written_at": utcnow(),
                    }
                )
            )
        return NoteRef(note_id=note.note_id, subject_id=subject_id)

    async def page(self, conn: AsyncConnection, municipality: str, query: ListNotes) -> NoteList:
        """One page of the subject's notes, by day (newest first unless asked otherwise),
        then by when they were written, then by id: a stable order to page in SQL."""
        t = self.table
        scope = (self.subject == query.subject_id, t.c.municipality == municipality)
        total = await conn.scalar(select(func.count()).select_from(t).where(*scope)) or 0
        keys = (t.c.written_on, t.c.written_at, t.c.note_id)
        order = [k.desc() if query.descending else k.asc() for k in keys]
        rows = await conn.execute(
            select(t).where(*scope).order_by(*order).limit(query.per_page).offset(query.offset)
        )
        return NoteList(
            subject_id=query.subject_id,
            notes=[self._view(row) for row in rows],
            page=query.info(total),
        )

    async def erase(self, conn: AsyncConnection, subject_ids: list[UUID]) -> int:
        """Delete every note on these subjects (Art. 17); how many went."""
        if not subject_ids:
            return 0
        result = await conn.execute(delete(self.table).where(self.subject.in_(subject_ids)))
        return result.rowcount or 0

    async def export(self, conn: AsyncConnection, subject_ids: list[UUID]) -> list[dict[str, Any]]:
        """Every note on these subjects as stored (Art. 15), oldest first."""
        if not subject_ids:
            return []
        t = self.table
        rows = await conn.execute(
            select(t)
            .where(self.subject.in_(subject_ids))
            .order_by(t.c.written_on, t.c.written_at, t.c.note_id)
        )
        return [dict(row._mapping) for row in rows]

    def _draft(self, row: Row[Any]) -> Draft:
        return Draft(
            note_id=row.note_id,
            subject_id=row._mapping[self.subject.name],
            author=row.author,
            kind=NoteKind(row.note_kind),
            written_on=row.written_on,
            text=row.text,
        )

    def _view(self, row: Row[Any]) -> NoteView:
        return NoteView(
            note_id=row.note_id,
            kind=NoteKind(row.note_kind),
            written_on=row.written_on,
            text=row.text,
            author=row.author,
            written_at=row.written_at,
        )
