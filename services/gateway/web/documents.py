"""The section "Unterlagen" of a subject's page (a household first; a prevention case, a
volunteer, an offer alike) with its upload form, and the download of one document — alike on
every page that keeps documents (shared/contracts/documents.py).

The upload form posts `multipart/form-data`; the gateway refuses a file above
`MAX_BYTES` at once (it would not fit the bus), and sends the rest base64-encoded to the
owning service, which finds the type by content. A fresh document id in the form makes a
form sent twice store one document.

A download is served from the gateway's own origin, always as an attachment, with
`nosniff` and a sandboxing CSP: a PDF or an image a person uploaded is never rendered as a
page of Auszug (a PDF with script, an "image" that is HTML). Every download is written to
the access log (middleware.AUDITED names its route).
"""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from typing import Annotated, Any
from urllib.parse import quote
from uuid import UUID, uuid4

from fastapi import Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel
from starlette.datastructures import UploadFile

from services.gateway.adapters.users import staff_names
from services.gateway.auth import csrf
from services.gateway.identity import forbidden
from services.gateway.web import sections, submit
from services.gateway.web.fields import Field
from services.gateway.web.i18n import N_
from services.gateway.web.notices import notice, saved
from shared.contracts.documents import (
    DOCUMENT_KIND,
    MAX_BYTES,
    PER_PAGE,
    TOO_BIG,
    DocumentFile,
    DocumentKind,
    DocumentList,
    DocumentRef,
    DocumentView,
    FetchDocument,
    ListDocuments,
    UploadDocument,
)
from shared.contracts.operation import Addressed, Operation
from shared.contracts.paging import PageInfo
from shared.db import Database
from shared.identity import Caller
from shared.rpc import RpcClient
from shared.validation import FieldError

ANCHOR = "unterlagen"
PAGE_PARAMETER = "unterlagen_seite"
DOCUMENT_ID = "document_id"
# The file field: named as the upload's `content`, so the service's refusal lands there.
FILE = "content"
KEPT = notice("unterlage", N_("Die Unterlage ist gespeichert."))
NO_FILE = N_("Bitte eine Datei wählen (PDF, JPEG oder PNG, höchstens 5 MB).")
KIND_MISSING = N_("Bitte die Art der Unterlage wählen.")
KIND = Field("kind", N_("Art"), "select", options=DOCUMENT_KIND, required=True)
# What the browser's file dialog offers first; the service checks the content anyway.
ACCEPT = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"

ListOp = Operation[ListDocuments, DocumentList]
UploadOp = Operation[Addressed[UploadDocument], DocumentRef]
FetchOp = Operation[FetchDocument, DocumentFile]


@dataclass(frozen=True)
class DocumentRow:
    document_id: UUID
    kind: DocumentKind
    file_name: str
    size: int
    uploaded_on: date
    who: str | None
    href: str


@dataclass(frozen=True)
class DocumentsSection:
    """What the template `unterlagen.html` shows: one page of documents, and the upload
    form where the caller may file one (`action` None: no form)."""

    rows: list[DocumentRow]
    page: PageInfo
    action: str | None
    values: Mapping[str, str]
    errors: Mapping[str, str] = field(default_factory=dict)
    general: str | None = None
    kind: Field = KIND
    kinds: Mapping[str, str] = field(default_factory=lambda: DOCUMENT_KIND)
    parameter: str = PAGE_PARAMETER
    accept: str = ACCEPT


async def uploaders(db: Database, documents: list[DocumentView]) -> dict[str, str]:
    """The names of the uploaders the gateway knows."""
    async with db.read() as conn:
        return await staff_names(conn, {d.uploaded_by for d in documents})


async def documents_section(
    request: Request,
    rpc: RpcClient,
    caller: Caller,
    list_op: ListOp,
    subject_id: UUID,
    *,
    download: str,
    action: str | None,
    typed: Mapping[str, str] | None = None,
    errors: Mapping[str, str] | None = None,
    general: str | None = None,
) -> DocumentsSection | None:
    """The section for `subject_id`, or None where the caller may not read its documents.
    `download`: the path a document's id is appended to; `action`: where the form posts,
    None for no form."""
    query = ListDocuments(subject_id=subject_id, page=sections.page_number(request, PAGE_PARAMETER))
    answer = await sections.visible(rpc, list_op, query, caller)
    if answer is None:
        return None
    names = await uploaders(request.app.state.db, answer.documents)
    values = submit.form_values(typed or {}, [KIND.name, DOCUMENT_ID])
    values[DOCUMENT_ID] = values[DOCUMENT_ID] or str(uuid4())
    return DocumentsSection(
        rows=[
            DocumentRow(
                d.document_id,
                d.kind,
                d.file_name,
                d.size,
                d.uploaded_on,
                names.get(d.uploaded_by),
                f"{download}/{d.document_id}",
            )
            for d in answer.documents
        ],
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


async def post_document(
    request: Request,
    rpc: RpcClient,
    caller: Caller,
    upload_op: UploadOp,
    subject_id: UUID,
    page_path: str,
    rerender: Rerender,
) -> Response:
    """Send the uploaded file; the page with the confirmation, or again with the reason."""
    form = await request.form()
    if not csrf.matches(request, _text(form.get(csrf.CSRF_FIELD))):
        raise forbidden("Sicherheitsprüfung fehlgeschlagen (CSRF). Bitte Seite neu laden.")
    values = submit.form_values(
        {k: _text(form.get(k)) for k in (KIND.name, DOCUMENT_ID)}, [KIND.name, DOCUMENT_ID]
    )
    upload = form.get(FILE)
    problems: list[FieldError] = []
    if not values[KIND.name]:
        problems.append(FieldError(field=KIND.name, message=str(KIND_MISSING)))
    body: dict[str, Any] = {"kind": values[KIND.name] or None}
    if not isinstance(upload, UploadFile) or not upload.filename:
        problems.append(FieldError(field=FILE, message=str(NO_FILE)))
    else:
        # One byte more than allowed tells "too big" without reading a huge file whole.
        content = await upload.read(MAX_BYTES + 1)
        body["file_name"] = upload.filename
        if len(content) > MAX_BYTES:
            problems.append(FieldError(field=FILE, message=TOO_BIG))
        else:
            body["content"] = base64.b64encode(content).decode("ascii")
    if values[DOCUMENT_ID]:
        body[DOCUMENT_ID] = values[DOCUMENT_ID]
    _, refusal = await submit.send_form(
        rpc,
        upload_op,
        body,
        caller,
        on=subject_id,
        known=[KIND.name, FILE],
        problems=problems,
    )
    if refusal is not None:
        # The file's name is part of the file: a refusal of it is shown at the file.
        errors = {(FILE if k == "file_name" else k): v for k, v in refusal.errors.items()}
        return await rerender(
            active=ANCHOR,
            typed=values,
            errors=errors,
            general=refusal.general or errors.get("") or None,
            status_code=refusal.status,
        )
    return saved(page_path, KEPT, anchor=ANCHOR)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


async def download(
    rpc: RpcClient, caller: Caller, fetch_op: FetchOp, subject_id: UUID, document_id: UUID
) -> Response:
    """The document as a file to save, never a page to show (see the module's docstring)."""
    found = await rpc.send(
        fetch_op, FetchDocument(subject_id=subject_id, document_id=document_id), caller
    )
    return Response(
        content=found.content,
        media_type=found.media_type,
        headers={
            "Content-Disposition": attachment(found.file_name),
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "sandbox",
            "Cache-Control": "private, no-store",
        },
    )


def attachment(file_name: str) -> str:
    """`Content-Disposition` for `file_name`: an ASCII fallback (umlauts and quotes become
    "_") and the exact name per RFC 6266/5987 ("Mietvertrag Öztürk.pdf")."""
    fallback = "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else "_" for c in file_name)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(file_name, safe='')}"


# ---------------------------------------------------------------- the API's answers


class DocumentEntry(BaseModel):
    document_id: UUID
    kind: DocumentKind
    file_name: str
    media_type: str
    size: int
    uploaded_on: date
    uploaded_by: str
    uploaded_by_name: str | None
    uploaded_at: datetime


class Documents(BaseModel):
    subject_id: UUID
    documents: list[DocumentEntry]
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
) -> Documents:
    """One page of the subject's documents, newest first, each uploader also by name."""
    query = ListDocuments(subject_id=subject_id, page=page, per_page=per_page)
    answer = await rpc.send(list_op, query, caller)
    names = await uploaders(request.app.state.db, answer.documents)
    return Documents(
        subject_id=answer.subject_id,
        documents=[
            DocumentEntry(**d.model_dump(), uploaded_by_name=names.get(d.uploaded_by))
            for d in answer.documents
        ],
        page=answer.page,
    )
