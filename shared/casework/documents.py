"""Documents kept by the service that owns their subject (shared/contracts/documents.py).

A context wires documents as it wires notes (shared/casework/notes.py): a table from
`document_table` in its own metadata (and `document_blob_table`, for the database store),
a migration creating both, one `Archive` over the table and the service's `DocumentStore`
(`document_store(settings, …)`), a use case that checks that the caller may act on the
subject and then calls `keep` / `page` / `fetch` inside its own transaction, and the table
in its erasure and its Art. 15 export (`erase`, `export`).

**Why no event.** A file about a person is personal data, and "a document was filed" is
no fact any figure, read model or other context uses: the write is one plain transaction in
the owning service (the metadata row, the request's idempotency key) plus the bytes in the
document store.

**Where the bytes are.** `DocumentStore` is the port; the setting
`AUSZUG_<SERVICE>_DOCUMENT_STORE` picks the adapter: `disk` (default; a folder under the
service's data directory), `database` (a blob table in the service's own database, written
in the same transaction as the row) or `s3` (any S3-compatible store). Disk and S3 go
through obstore (one well-kept library for both); the database adapter is a table.

**Orphans.** With `disk` and `s3` the bytes cannot join the database's transaction. `keep`
inserts the row first and writes the bytes last, inside the transaction, so a refusal or a
failed write stores nothing the row would point to; but a transaction that fails *after*
the bytes were written (the commit itself, the idempotency key's claim, a crash) leaves a
blob that no row names. Every blob's key begins with its table's name and ends in a fresh
random part, so it never overwrites another; `sweep` lists the store's keys under the
table's name, and deletes each one that no row names and that is older than `GRACE` (a
younger one may belong to a transaction still running). Each service sweeps once it has
started (`sweep_at_start`) and with its daily retention run.

**Erasure.** `erase` deletes the rows and then the bytes, inside the erasure's transaction:
should that transaction roll back afterwards, rows are left whose bytes are gone (and
`fetch` answers "not found"); the erasure is retried and removes them. Nothing personal is
ever left behind in the other order.

**Retry.** The client may choose the document's id (`UploadDocument.document_id`; the staff
UI puts a fresh one into each form). The same id with the same subject, kind, name and
content (by SHA-256) stores nothing and answers the same reference; the same id with
anything else is `IdUnavailable` (409).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Protocol
from uuid import UUID, uuid4
from weakref import WeakKeyDictionary

import obstore
import structlog
from faststream.asgi import AsgiFastStream
from obstore.exceptions import NotFoundError
from obstore.store import LocalStore, S3Store
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from sqlalchemy import (
    BigInteger,
    Column,
    ColumnElement,
    Date,
    Index,
    LargeBinary,
    MetaData,
    Row,
    String,
    Table,
    Uuid,
    delete,
    func,
    insert,
    select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.clock import today, utcnow
from shared.contracts.documents import (
    BROKEN,
    EMPTY,
    JPEG,
    MAX_BYTES,
    NOT_ACCEPTED,
    PDF,
    PNG,
    TOO_BIG,
    DocumentFile,
    DocumentKind,
    DocumentList,
    DocumentRef,
    DocumentView,
    ListDocuments,
    UploadDocument,
)
from shared.db import Database
from shared.decider import FieldRefused, NotFound
from shared.eventstore.schema import UTCDateTime
from shared.settings import ServiceSettings
from shared.validation import IdUnavailable, client_id_guard

log = structlog.get_logger(__name__)

# The refusal code of a client-chosen document id that is taken (by another document).
TAKEN = "document_id_taken"
# The field a refused file is named at (the upload's `content`; the form's file field).
FIELD = "content"
# A blob younger than this may belong to a transaction still running: `sweep` leaves it.
GRACE = timedelta(hours=1)

GONE = "Diese Unterlage gibt es nicht (mehr)."


def inspect(content: bytes) -> str:
    """The media type of `content`, found by decoding it (never by its name), or
    `FieldRefused` at the file field: empty, larger than `MAX_BYTES`, neither PDF nor
    JPEG nor PNG, or one of these that does not decode (a truncated photo, a PDF whose
    pages cannot be read)."""
    if not content:
        raise FieldRefused(FIELD, "document_empty", EMPTY)
    if len(content) > MAX_BYTES:
        raise FieldRefused(FIELD, "document_too_big", TOO_BIG)
    if content.startswith(b"%PDF-"):
        _check_pdf(content)
        return PDF
    if content.startswith(b"\xff\xd8\xff"):
        _check_image(content, "JPEG")
        return JPEG
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        _check_image(content, "PNG")
        return PNG
    raise FieldRefused(FIELD, "document_type", NOT_ACCEPTED)


def _check_pdf(content: bytes) -> None:
    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        if len(reader.pages) < 1:
            raise ValueError("no page")
    except Exception as exc:  # pypdf raises many kinds for many kinds of damage
        raise FieldRefused(FIELD, "document_broken", BROKEN) from exc


def _check_image(content: bytes, expected: str) -> None:
    try:
        with warnings.catch_warnings():
            # A tiny file that decodes to a giant image is an attack, not a scan.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content)) as image:
                if image.format != expected:
                    raise ValueError(image.format)
                # `load` decodes every pixel: a truncated or corrupt file fails here.
                image.load()
    except (OSError, ValueError, SyntaxError, UnidentifiedImageError, Warning) as exc:
        raise FieldRefused(FIELD, "document_broken", BROKEN) from exc
    except Image.DecompressionBombError as exc:
        raise FieldRefused(FIELD, "document_broken", BROKEN) from exc


def document_table(name: str, metadata: MetaData, subject: str) -> Table:
    """The documents table of a context: `subject` names the column of the subject's id,
    as the context's other personal-data tables name it, so its erasure and export treat
    this table like the others. The bytes are not here but in the document store, under
    `storage_key`."""
    return Table(
        name,
        metadata,
        Column("document_id", Uuid, primary_key=True),
        Column(subject, Uuid, nullable=False),
        Column("municipality", String(64), nullable=False),
        # Not `kind`: the Art. 15 document reads a column's codes by its name alone.
        Column("document_kind", String(30), nullable=False),
        Column("file_name", String(200), nullable=False),
        # Found by inspecting the content (`inspect`), never taken from the client.
        Column("media_type", String(50), nullable=False),
        Column("size", BigInteger, nullable=False),
        Column("sha256", String(64), nullable=False),
        Column("uploaded_on", Date, nullable=False),
        # The pseudonymous user id (as events carry `actor`), never a name or a login.
        Column("uploaded_by", String(100), nullable=False),
        Column("uploaded_at", UTCDateTime(), nullable=False),
        Column("storage_key", String(200), nullable=False, unique=True),
        Index(f"ix_{name}_{subject}_uploaded", subject, "uploaded_at"),
    )


def document_blob_table(metadata: MetaData, name: str = "document_blobs") -> Table:
    """The bytes of a service's documents when its store is `database`."""
    return Table(
        name,
        metadata,
        Column("storage_key", String(200), primary_key=True),
        Column("content", LargeBinary, nullable=False),
        Column("stored_at", UTCDateTime(), nullable=False),
    )


@dataclass(frozen=True)
class StoredBlob:
    key: str
    stored_at: datetime


class DocumentStore(Protocol):
    """Where a service keeps its documents' bytes, by key.

    Every call gets the connection of the transaction the metadata rows are in: the
    database store works inside it (atomic with the rows); the object stores ignore it,
    which is why `Archive.sweep` exists (see the module's docstring)."""

    async def put(self, conn: AsyncConnection, key: str, content: bytes) -> None: ...

    async def get(self, conn: AsyncConnection, key: str) -> bytes | None: ...

    async def delete(self, conn: AsyncConnection, key: str) -> None: ...

    async def listing(self, conn: AsyncConnection, prefix: str) -> list[StoredBlob]: ...


class ObjectStore:
    """Disk or S3, through obstore."""

    def __init__(self, store: LocalStore | S3Store) -> None:
        self.store = store

    async def put(self, conn: AsyncConnection, key: str, content: bytes) -> None:
        await obstore.put_async(self.store, key, content)

    async def get(self, conn: AsyncConnection, key: str) -> bytes | None:
        try:
            found = await obstore.get_async(self.store, key)
        except (NotFoundError, FileNotFoundError):
            return None
        return bytes(await found.bytes_async())

    async def delete(self, conn: AsyncConnection, key: str) -> None:
        # Already gone is fine: an erasure retried.
        with contextlib.suppress(NotFoundError, FileNotFoundError):
            await obstore.delete_async(self.store, key)

    async def listing(self, conn: AsyncConnection, prefix: str) -> list[StoredBlob]:
        found: list[StoredBlob] = []
        async for batch in obstore.list(self.store, prefix=prefix):
            found.extend(StoredBlob(m["path"], m["last_modified"]) for m in batch)
        return found


class DatabaseStore:
    """The bytes in a table of the service's own database (PostgreSQL `bytea`)."""

    def __init__(self, table: Table) -> None:
        self.table = table

    async def put(self, conn: AsyncConnection, key: str, content: bytes) -> None:
        values = {"storage_key": key, "content": content, "stored_at": utcnow()}
        await conn.execute(insert(self.table).values(values))

    async def get(self, conn: AsyncConnection, key: str) -> bytes | None:
        t = self.table
        found = await conn.scalar(select(t.c.content).where(t.c.storage_key == key))
        return bytes(found) if found is not None else None

    async def delete(self, conn: AsyncConnection, key: str) -> None:
        await conn.execute(delete(self.table).where(self.table.c.storage_key == key))

    async def listing(self, conn: AsyncConnection, prefix: str) -> list[StoredBlob]:
        t = self.table
        rows = await conn.execute(
            select(t.c.storage_key, t.c.stored_at).where(t.c.storage_key.startswith(prefix))
        )
        return [StoredBlob(row.storage_key, row.stored_at) for row in rows]


# The store each service's database was given at start (`attach_store`), by its engine:
# the use cases that erase (a request, the retention job, a consumer's projection) are
# built from the database or hold only a connection, in many places, and must all reach
# the same bytes.
_STORES: WeakKeyDictionary[Engine, DocumentStore] = WeakKeyDictionary()


def attach_store(db: Database, store: DocumentStore) -> None:
    """Make `store` the document store of the service whose database is `db`."""
    _STORES[db.engine.sync_engine] = store


def store_of(db: Database, blobs: Table) -> DocumentStore:
    """The store attached to `db`; without one (a use case built in a unit test) the
    database store over `blobs`, so that nothing is ever written outside the database."""
    return _STORES.get(db.engine.sync_engine) or DatabaseStore(blobs)


def store_for(conn: AsyncConnection, blobs: Table) -> DocumentStore:
    """`store_of` the database `conn` is a connection to."""
    return _STORES.get(conn.sync_engine) or DatabaseStore(blobs)


def document_store(settings: ServiceSettings, service: str, blobs: Table) -> DocumentStore:
    """The store `AUSZUG_<SERVICE>_DOCUMENT_STORE` names (shared/settings.py)."""
    if settings.document_store == "database":
        return DatabaseStore(blobs)
    if settings.document_store == "s3":
        if not settings.document_s3_bucket:
            raise RuntimeError(f"AUSZUG_{service.upper()}_DOCUMENT_S3_BUCKET is not set")
        options: dict[str, Any] = {}
        if settings.document_s3_endpoint:
            options["endpoint"] = settings.document_s3_endpoint
        if settings.document_s3_access_key_id:
            options["access_key_id"] = settings.document_s3_access_key_id
        if settings.document_s3_secret_access_key:
            options["secret_access_key"] = settings.document_s3_secret_access_key
        allow_http = (settings.document_s3_endpoint or "").startswith("http://")
        return ObjectStore(
            S3Store(
                settings.document_s3_bucket,
                region=settings.document_s3_region,
                client_options={"allow_http": allow_http},
                **options,
            )
        )
    folder = Path(settings.document_dir or Path(settings.platform.var_dir) / f"{service}-documents")
    folder.mkdir(parents=True, exist_ok=True)
    return ObjectStore(LocalStore(folder.resolve()))


class Archive:
    """One context's documents on one kind of subject: rows in `table` (from
    `document_table`), bytes in `store`."""

    def __init__(self, table: Table, subject: str, store: DocumentStore) -> None:
        self.table = table
        self.subject = table.c[subject]
        self.store = store

    async def keep(
        self,
        conn: AsyncConnection,
        municipality: str,
        subject_id: UUID,
        request: UploadDocument,
        author: str,
    ) -> DocumentRef:
        """Store an uploaded document inside `conn`'s transaction (the caller checked the
        subject): its type found by `inspect`, never by its name."""
        media_type = inspect(request.content)
        return await self._keep(
            conn,
            municipality,
            subject_id,
            document_id=request.document_id,
            kind=request.kind,
            file_name=request.file_name,
            media_type=media_type,
            content=request.content,
            author=author,
        )

    async def keep_generated(
        self,
        conn: AsyncConnection,
        municipality: str,
        subject_id: UUID,
        *,
        kind: DocumentKind,
        file_name: str,
        media_type: str,
        content: bytes,
        author: str,
        document_id: UUID | None = None,
    ) -> DocumentRef:
        """Keep a file Auszug rendered itself (a letter) as a document of the subject,
        inside `conn`'s transaction: no inspection, the caller knows its type."""
        return await self._keep(
            conn,
            municipality,
            subject_id,
            document_id=document_id,
            kind=kind,
            file_name=file_name,
            media_type=media_type,
            content=content,
            author=author,
        )

    async def _keep(
        self,
        conn: AsyncConnection,
        municipality: str,
        subject_id: UUID,
        *,
        document_id: UUID | None,
        kind: DocumentKind,
        file_name: str,
        media_type: str,
        content: bytes,
        author: str,
    ) -> DocumentRef:
        chosen = document_id or uuid4()
        digest = hashlib.sha256(content).hexdigest()
        t = self.table
        found = (await conn.execute(select(t).where(t.c.document_id == chosen))).first()
        if found is not None:
            sent = (subject_id, kind.value, file_name, digest)
            stored = (
                found._mapping[self.subject.name],
                found.document_kind,
                found.file_name,
                found.sha256,
            )
            if sent == stored:
                return DocumentRef(document_id=chosen, subject_id=subject_id)
            raise IdUnavailable(TAKEN)
        # A fresh random part: a key is never reused, so no write overwrites another's.
        key = f"{t.name}/{chosen}/{uuid4().hex}"
        async with client_id_guard(TAKEN, document_id):
            await conn.execute(
                insert(t).values(
                    {
                        "document_id": chosen,
                        self.subject.name: subject_id,
                        "municipality": municipality,
                        "document_kind": kind.value,
                        "file_name": file_name,
                        "media_type": media_type,
                        "size": len(content),
                        "sha256": digest,
                        "uploaded_on": today(),
                        "uploaded_by": author,
                        "uploaded_at": utcnow(),
                        "storage_key": key,
                    }
                )
            )
        # Last, so that nothing before it can fail and leave the bytes without a row.
        await self.store.put(conn, key, content)
        return DocumentRef(document_id=chosen, subject_id=subject_id)

    async def page(
        self, conn: AsyncConnection, municipality: str, query: ListDocuments
    ) -> DocumentList:
        """One page of the subject's documents, newest first unless asked otherwise, then
        by id: a stable order to page in SQL."""
        t = self.table
        scope = (self.subject == query.subject_id, t.c.municipality == municipality)
        total = await conn.scalar(select(func.count()).select_from(t).where(*scope)) or 0
        keys = (t.c.uploaded_at, t.c.document_id)
        order = [k.desc() if query.descending else k.asc() for k in keys]
        rows = await conn.execute(
            select(t).where(*scope).order_by(*order).limit(query.per_page).offset(query.offset)
        )
        return DocumentList(
            subject_id=query.subject_id,
            documents=[self._view(row) for row in rows],
            page=query.info(total),
        )

    async def fetch(
        self, conn: AsyncConnection, municipality: str, subject_id: UUID, document_id: UUID
    ) -> DocumentFile:
        """The document's file, or `NotFound` (also for another subject's document)."""
        t = self.table
        row = (
            await conn.execute(
                select(t).where(
                    t.c.document_id == document_id,
                    self.subject == subject_id,
                    t.c.municipality == municipality,
                )
            )
        ).first()
        content = await self.store.get(conn, row.storage_key) if row is not None else None
        if row is None or content is None:
            raise NotFound("document", GONE)
        # `content` is `Base64Bytes`: validation decodes, so it is handed in encoded.
        return DocumentFile(
            file_name=row.file_name,
            media_type=row.media_type,
            content=base64.b64encode(content),
        )

    async def erase(
        self, conn: AsyncConnection, subject_ids: list[UUID], *, up_to: datetime | None = None
    ) -> int:
        """Delete every document on these subjects, rows and bytes (Art. 17); with `up_to`
        only those uploaded until then (a replayed erasure leaves later ones); how many."""
        if not subject_ids:
            return 0
        t = self.table
        which: list[ColumnElement[bool]] = [self.subject.in_(subject_ids)]
        if up_to is not None:
            which.append(t.c.uploaded_at <= up_to)
        keys = list(await conn.scalars(select(t.c.storage_key).where(*which)))
        await conn.execute(delete(t).where(*which))
        for key in keys:
            await self.store.delete(conn, key)
        return len(keys)

    async def export(self, conn: AsyncConnection, subject_ids: list[UUID]) -> list[dict[str, Any]]:
        """Every document on these subjects as listed (Art. 15), oldest first: what was
        kept, when and by whom; the files themselves are downloaded one by one."""
        if not subject_ids:
            return []
        t = self.table
        rows = await conn.execute(
            select(t)
            .where(self.subject.in_(subject_ids))
            .order_by(t.c.uploaded_at, t.c.document_id)
        )
        return [
            {k: v for k, v in row._mapping.items() if k not in ("storage_key", "sha256")}
            for row in rows
        ]

    async def sweep(self, conn: AsyncConnection) -> int:
        """Delete blobs no row names that are older than `GRACE` (orphans of failed
        transactions; see the module's docstring); how many went."""
        t = self.table
        named = set(await conn.scalars(select(t.c.storage_key)))
        cutoff = utcnow() - GRACE
        gone = 0
        for blob in await self.store.listing(conn, f"{t.name}/"):
            if blob.key not in named and blob.stored_at < cutoff:
                await self.store.delete(conn, blob.key)
                gone += 1
        return gone

    def _view(self, row: Row[Any]) -> DocumentView:
        return DocumentView(
            document_id=row.document_id,
            kind=DocumentKind(row.document_kind),
            file_name=row.file_name,
            media_type=row.media_type,
            size=row.size,
            uploaded_on=row.uploaded_on,
            uploaded_by=row.uploaded_by,
            uploaded_at=row.uploaded_at,
        )


def sweep_at_start(app: AsgiFastStream, db: Database, archive: Callable[[], Archive]) -> None:
    """Sweep `archive`'s orphaned bytes once the service has started (its retention run
    sweeps daily where one is scheduled; placement has none)."""

    async def sweep() -> None:
        try:
            async with db.transaction() as conn:
                gone = await archive().sweep(conn)
        except Exception as exc:  # a start must not fail for a sweep: the next one tries again
            log.warning("sweeping orphaned documents failed", error=repr(exc))
            return
        if gone:
            log.info("swept orphaned documents", table=archive().table.name, count=gone)

    app.after_startup(sweep)
