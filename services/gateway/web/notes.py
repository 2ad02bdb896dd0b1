"""The section "Notizen" of a subject's page (a household, a prevention case) and its form,
alike on every page that keeps notes (shared/contracts/notes.py).

The services keep each note's author by the pseudonym they know staff by; the section
names them the way the access log does (`staff_names`). A page of its own in the URL
(`notizen_seite`) leaves every other parameter of the page as it is. The form carries a
fresh note id, so a form sent twice (a double click, a reload of the answer) stores one
note; the idempotency token of `form_tokens()` already answers the same request once.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from typing import Annotated, Any
from uuid import UUID, uuid4

from fastapi import Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from services.gateway.adapters.users import staff_names
from services.gateway.web import fields as forms
from services.gateway.web import sections, submit
from services.gateway.web.fields import Field
from services.gateway.web.i18n import N_
from services.gateway.web.notices import notice, saved
from services.gateway.web.security import checked_form
from shared.clock import today
from shared.contracts.notes import (
    NOTE_KIND,
    PER_PAGE,
    TEXT_MAX,
    ListNotes,
    NoteKind,
    NoteList,
    NoteRef,
    NoteView,
    WriteNote,
)
from shared.contracts.operation import Addressed, Operation
from shared.contracts.paging import PageInfo
from shared.db import Database
from shared.identity import Caller
from shared.rpc import RpcClient

ANCHOR = "notizen"
PAGE_PARAMETER = "notizen_seite"
NOTE_ID = "note_id"
WRITTEN = notice("notiz", N_("Die Notiz ist gespeichert."))
FIELDS = (
    Field("kind", N_("Art"), "select", options=NOTE_KIND, required=True),
    Field(
        "written_on",
        N_("Tag"),
        "date",
        today=True,
        hint=N_("Der Tag des Telefonats, Besuchs, Briefs oder Gesprächs; nicht in der Zukunft."),
    ),
    Field(
        "text",
        N_("Notiz"),
        "textarea",
        required=True,
        hint=N_("Höchstens 4.000 Zeichen."),
    ),
)
assert TEXT_MAX == 4000, "the hint above names the limit"

ListOp = Operation[ListNotes, NoteList]
WriteOp = Operation[Addressed[WriteNote], NoteRef]


@dataclass(frozen=True)
class NoteRow:
    written_on: date
    kind: NoteKind
    text: str
    who: str | None


@dataclass(frozen=True)
class NotesSection:
    """What the template `notizen.html` shows: one page of notes, and the form where the
    caller may write one (`action` None: no form)."""

    rows: list[NoteRow]
    page: PageInfo
    action: str | None
    values: Mapping[str, str]
    errors: Mapping[str, str] = field(default_factory=dict)
    general: str | None = None
    fields: tuple[Field, ...] = FIELDS
    kinds: Mapping[str, str] = field(default_factory=lambda: NOTE_KIND)
    parameter: str = PAGE_PARAMETER
    today: date = field(default_factory=today)


async def authors(db: Database, notes: list[NoteView]) -> dict[str, str]:
    """The names of the notes' authors the gateway knows."""
    async with db.read() as conn:
        return await staff_names(conn, {n.author for n in notes})


async def notes_section(
    request: Request,
    rpc: RpcClient,
    caller: Caller,
    list_op: ListOp,
    subject_id: UUID,
    *,
    action: str | None,
    typed: Mapping[str, str] | None = None,
    errors: Mapping[str, str] | None = None,
    general: str | None = None,
) -> NotesSection | None:
    """The section for `subject_id`, or None where the caller may not read its notes (a
    role the operation does not allow; a restricted household's case for all but the
    coordination). `action`: where the form posts, None for no form."""
    query = ListNotes(subject_id=subject_id, page=sections.page_number(request, PAGE_PARAMETER))
    answer = await sections.visible(rpc, list_op, query, caller)
    if answer is None:
        return None
    names = await authors(request.app.state.db, answer.notes)
    values = forms.form_values(FIELDS, typed)
    values[NOTE_ID] = (typed or {}).get(NOTE_ID) or str(uuid4())
    return NotesSection(
        rows=[NoteRow(n.written_on, n.kind, n.text, names.get(n.author)) for n in answer.notes],
        page=answer.page,
        action=action,
        values=values,
        errors=errors or {},
        general=general,
    )


# What a page hands the section of a refused post: the section's own form's only.
form_state = partial(sections.form_state, ANCHOR)


# The page of the subject again, with the form's typed values and errors.
Rerender = Callable[..., Awaitable[HTMLResponse]]


async def post_note(
    request: Request,
    rpc: RpcClient,
    caller: Caller,
    write_op: WriteOp,
    subject_id: UUID,
    page_path: str,
    rerender: Rerender,
) -> Response:
    """Send the posted note; the page with the confirmation, or again with the reason."""
    submitted = await checked_form(request)
    names = [*forms.names(FIELDS), NOTE_ID]
    values = submit.form_values(submitted, names)
    body: dict[str, Any] = forms.body(FIELDS, values)
    if values[NOTE_ID]:
        body[NOTE_ID] = values[NOTE_ID]
    _, refusal = await submit.send_form(
        rpc,
        write_op,
        body,
        caller,
        on=subject_id,
        known=names,
        problems=forms.missing(FIELDS, values),
    )
    if refusal is not None:
        return await rerender(
            active=ANCHOR,
            typed=values,
            errors=refusal.errors,
            general=refusal.general or refusal.errors.get("") or None,
            status_code=refusal.status,
        )
    return saved(page_path, WRITTEN, anchor=ANCHOR)


# ---------------------------------------------------------------- the API's answers


class NoteEntry(BaseModel):
    note_id: UUID
    kind: NoteKind
    written_on: date
    text: str
    author: str
    author_name: str | None
    written_at: datetime


class Notes(BaseModel):
    subject_id: UUID
    notes: list[NoteEntry]
    page: PageInfo


PageParameter = Annotated[int, Query(ge=1, le=100_000, description="Seite, ab 1")]
PerPageParameter = Annotated[int, Query(ge=1, le=200, description="Einträge je Seite")]


async def list_for_api(
    request: Request,
    rpc: RpcClient,
    caller: Caller,
    list_op: ListOp,
    subject_id: UUID,
    page: int = 1,
    per_page: int = PER_PAGE,
) -> Notes:
    """One page of the subject's notes, newest first, each author also by name."""
    query = ListNotes(subject_id=subject_id, page=page, per_page=per_page)
    answer = await rpc.send(list_op, query, caller)
    names = await authors(request.app.state.db, answer.notes)
    return Notes(
        subject_id=answer.subject_id,
        notes=[NoteEntry(**n.model_dump(), author_name=names.get(n.author)) for n in answer.notes],
        page=answer.page,
    )
