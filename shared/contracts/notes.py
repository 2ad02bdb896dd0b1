"""Case notes (*Notizen*): what a member of staff writes down about a subject — a phone
call, a visit, a letter, a meeting — on a day, in their own words.

The one contract for every context that keeps notes (intake for households, prevention for
its cases; volunteer and placement can follow): each declares `WRITE_NOTE` (a command on
the subject, `Addressed[WriteNote]`) and `LIST_NOTES` (`ListNotes`, paged) in its own
operations.py with these bodies, so the gateway shows and posts them alike everywhere.

A note is personal data: it stays in the tables of the service that owns its subject and
never goes into an event (docs/architecture.md, invariant 6); shared/casework/notes.py is
how a service keeps them.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal
from uuid import UUID

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from shared.clock import today
from shared.contracts.inputs import Text, WorkDay
from shared.contracts.labels import N_
from shared.contracts.paging import PageInfo, PageQuery

# Long enough for the minutes of a meeting, short enough to stay a note (a page of A4).
TEXT_MAX = 4000
# Newest first, a screen full: the household's and the case's page show one page.
PER_PAGE = 20


class NoteKind(StrEnum):
    """How the contact the note records took place (German words: `NOTE_KIND`)."""

    phone_call = "phone_call"
    visit = "visit"
    letter = "letter"
    meeting = "meeting"


NOTE_KIND = {
    "phone_call": N_("Telefonat"),
    "visit": N_("Besuch"),
    "letter": N_("Brief"),
    "meeting": N_("Gespräch"),
}


def _not_ahead(day: date) -> date:
    # A note records what happened: a day ahead is a typo (a follow-up is what is due).
    if day > today():
        raise PydanticCustomError(
            "note_day_ahead",
            "Eine Notiz hält fest, was geschehen ist: bitte einen Tag bis heute angeben.",
        )
    return day


NoteDay = Annotated[WorkDay, AfterValidator(_not_ahead)]


def _trimmed(value: object) -> object:
    # Spaces and blank lines around the text are no part of it: only spaces is no note.
    return value.strip() if isinstance(value, str) else value


NoteText = Annotated[Text, BeforeValidator(_trimmed), Field(min_length=1, max_length=TEXT_MAX)]


class WriteNote(BaseModel):
    """Eine Notiz zu einem Haushalt oder Fall schreiben."""

    model_config = ConfigDict(extra="forbid")

    note_id: UUID | None = Field(
        default=None,
        description="Eigene Kennung der Notiz: ein wiederholtes Senden speichert sie einmal",
    )
    kind: NoteKind = Field(description="Art: Telefonat, Besuch, Brief, Gespräch")
    written_on: NoteDay | None = Field(default=None, description="Tag (leer: heute)")
    text: NoteText = Field(description=f"Text, höchstens {TEXT_MAX} Zeichen")


class ListNotes(PageQuery):
    """The notes on one subject, newest day first (a query, so the id is in the body)."""

    model_config = ConfigDict(extra="forbid")

    subject_id: UUID
    sort: Literal["written_on"] = "written_on"
    descending: bool = Field(default=True, description="Neueste zuerst")
    per_page: int = Field(default=PER_PAGE, ge=1, le=200, description="Einträge je Seite")


class NoteRef(BaseModel):
    note_id: UUID
    subject_id: UUID


class NoteView(BaseModel):
    note_id: UUID
    kind: NoteKind
    written_on: date
    text: str
    # The pseudonymous user id services know the author by; the gateway shows the name.
    author: str
    written_at: datetime


class NoteList(BaseModel):
    subject_id: UUID
    notes: list[NoteView]
    page: PageInfo
