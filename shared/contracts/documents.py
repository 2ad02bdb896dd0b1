"""Documents (*Unterlagen*): a file kept with a subject — the lease, the WBS, the
Jobcenter's decision, a signed consent, a copy of an ID, a letter Auszug printed.

The one contract for every context that keeps documents (intake for households first;
prevention, volunteer and placement alike): each declares `UPLOAD_DOCUMENT` (a command on
the subject, `Addressed[UploadDocument]`), `LIST_DOCUMENTS` (`ListDocuments`, paged) and
`FETCH_DOCUMENT` (`FetchDocument` → `DocumentFile`) in its own operations.py with these
bodies, so the gateway shows, uploads and serves them alike everywhere.

A document is personal data: it stays with the service that owns its subject (its rows in
that service's database, its bytes in that service's document store) and never goes into
an event; shared/casework/documents.py is how a service keeps them. The content crosses the
bus base64-encoded (`Base64Bytes`): a file of `MAX_BYTES` is about 6.7 MiB on the wire,
which is why every nats-server config sets `max_payload: 8MB`.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal
from uuid import UUID

from pydantic import AfterValidator, Base64Bytes, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from shared.contracts.inputs import Line
from shared.contracts.labels import N_
from shared.contracts.paging import PageInfo, PageQuery

# A scanned lease of a dozen pages or a phone photo of a decision fits; a whole file
# folder does not (and must not travel the bus in one message).
MAX_BYTES = 5 * 1024 * 1024
# What a file's name may be: long enough for what scanners and phones name files.
FILE_NAME_MAX = 200
# Newest first, a screen full: the subject's page shows one page.
PER_PAGE = 20
# The media types a document may have, each found by its content (never its name).
PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
MEDIA_TYPES = (PDF, JPEG, PNG)
# The name a stored file is offered under gets the extension of its inspected type.
EXTENSION = {PDF: ".pdf", JPEG: ".jpg", PNG: ".png"}

# Why a file is refused, at the file field (shared/casework/documents.py `inspect`; the
# gateway refuses a file too big for the bus itself).
EMPTY = "Die Datei ist leer. Bitte die Unterlage als PDF, JPEG oder PNG wählen."
TOO_BIG = (
    "Die Datei ist größer als 5 MB. Bitte kleiner scannen (z. B. in Graustufen oder mit "
    "150 dpi) oder in mehrere Dateien teilen."
)
NOT_ACCEPTED = (
    "Diese Datei ist kein PDF, JPEG oder PNG. Bitte die Unterlage als PDF scannen oder "
    "als Foto (JPEG oder PNG) ablegen."
)
BROKEN = (
    "Die Datei ist beschädigt und lässt sich nicht öffnen. Bitte die Unterlage neu scannen "
    "oder fotografieren und erneut hochladen."
)


class DocumentKind(StrEnum):
    """What the document is (German words: `DOCUMENT_KIND`)."""

    lease = "lease"
    wbs = "wbs"
    jobcenter_decision = "jobcenter_decision"
    consent = "consent"
    id_copy = "id_copy"
    letter = "letter"
    other = "other"


DOCUMENT_KIND = {
    "lease": N_("Mietvertrag"),
    "wbs": N_("Wohnberechtigungsschein"),
    "jobcenter_decision": N_("Bescheid des Jobcenters"),
    "consent": N_("Unterschriebene Einwilligung"),
    "id_copy": N_("Ausweiskopie"),
    "letter": N_("Brief aus Auszug"),
    "other": N_("Sonstiges"),
}


# A whole path of the client's machine: "C:\\…", "\\\\server\\…" or "/home/…".
_CLIENT_PATH = re.compile(r"^([A-Za-z]:)?[\\/]")


def _base_name(value: str) -> str:
    # Browsers of old sent the client's whole path ("C:\\Users\\…\\Mietvertrag.pdf"): the
    # folders are the client's, not the document's. Any other slash is part of the name a
    # person chose ("Bescheid 3/2026.pdf") and becomes "-": no name holds a folder.
    if _CLIENT_PATH.match(value):
        value = value.replace("\\", "/").rsplit("/", 1)[-1]
    name = value.replace("\\", "-").replace("/", "-").strip()
    if not name or name in {".", ".."}:
        raise PydanticCustomError(
            "file_name_empty", "Bitte eine Datei mit Namen wählen, z. B. Mietvertrag.pdf."
        )
    return name


FileName = Annotated[
    Line, AfterValidator(_base_name), Field(min_length=1, max_length=FILE_NAME_MAX)
]


class UploadDocument(BaseModel):
    """Eine Unterlage (PDF, JPEG oder PNG) zu einem Haushalt oder Fall ablegen."""

    model_config = ConfigDict(extra="forbid")

    document_id: UUID | None = Field(
        default=None,
        description="Eigene Kennung der Unterlage: ein wiederholtes Senden speichert sie einmal",
    )
    kind: DocumentKind = Field(description="Art der Unterlage")
    file_name: FileName = Field(description="Dateiname, z. B. Mietvertrag.pdf")
    # The size and the type are checked by the owning service, by content: a check here
    # would have to decode twice and could not name the type.
    content: Base64Bytes = Field(
        description="Inhalt (PDF, JPEG oder PNG, höchstens 5 MB), base64-kodiert"
    )


class ListDocuments(PageQuery):
    """The documents of one subject, newest first (a query, so the id is in the body)."""

    model_config = ConfigDict(extra="forbid")

    subject_id: UUID
    sort: Literal["uploaded_at"] = "uploaded_at"
    descending: bool = Field(default=True, description="Neueste zuerst")
    per_page: int = Field(default=PER_PAGE, ge=1, le=200, description="Einträge je Seite")


class FetchDocument(BaseModel):
    """One document's file, for a download."""

    model_config = ConfigDict(extra="forbid")

    subject_id: UUID
    document_id: UUID


class DocumentRef(BaseModel):
    document_id: UUID
    subject_id: UUID


class DocumentView(BaseModel):
    """A document as a list shows it: never its content."""

    document_id: UUID
    kind: DocumentKind
    file_name: str
    media_type: str
    size: int
    uploaded_on: date
    # The pseudonymous user id services know the uploader by; the gateway shows the name.
    uploaded_by: str
    uploaded_at: datetime


class DocumentList(BaseModel):
    subject_id: UUID
    documents: list[DocumentView]
    page: PageInfo


class DocumentFile(BaseModel):
    """A document's bytes, with the media type found by inspecting them."""

    file_name: str
    media_type: str
    content: Base64Bytes
