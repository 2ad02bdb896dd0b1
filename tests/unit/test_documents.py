"""Documents (shared/casework/documents.py): the type found by content, never by name
(`inspect`), the archive's rule of a retried upload, its pages, download, erasure (rows
AND bytes), export and sweep of orphaned bytes — on the database store and on disk through
obstore — and intake's use cases against a real SQLite database: scope (another provider,
restriction, erasure through Privacy) and never an event."""

from __future__ import annotations

import base64
import io
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest
from fpdf import FPDF
from obstore.store import LocalStore
from PIL import Image
from pydantic import ValidationError
from sqlalchemy import func, select

import support.builders.intake as ib
from services.intake.adapters.tables import document_blobs, household_documents
from services.intake.application import documents as intake_documents
from services.intake.application.documents import HouseholdDocuments
from services.intake.application.privacy import Privacy
from shared.application import CommandExecutor
from shared.casework.documents import (
    GRACE,
    Archive,
    DatabaseStore,
    DocumentStore,
    ObjectStore,
    attach_store,
    inspect,
)
from shared.clock import utcnow
from shared.contracts.documents import (
    MAX_BYTES,
    DocumentKind,
    FetchDocument,
    ListDocuments,
    UploadDocument,
)
from shared.contracts.intake import (
    EraseHousehold,
    ExportHousehold,
    LiftRestriction,
    RestrictionReason,
    RestrictProcessing,
)
from shared.decider import FieldRefused, Forbidden, NotFound, RuleViolation
from shared.eventstore.schema import events
from shared.identity import Role
from shared.validation import IdUnavailable

SUBJECT = UUID("00000000-0000-4000-8000-0000000000d1")


def png(marker: str = "x", size: tuple[int, int] = (6, 6)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (len(marker) % 255, 40, 90)).save(out, "PNG")
    return out.getvalue()


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 64), (10, 120, 200)).save(out, "JPEG")
    return out.getvalue()


def pdf(text: str = "Mietvertrag") -> bytes:
    document = FPDF()
    # Uncompressed, so that a canary in the text is in the file's bytes as it is.
    document.set_compression(False)
    document.add_page()
    document.set_font("helvetica", size=12)
    document.cell(text=text)
    return bytes(document.output())


def upload(content: bytes, name: str = "Mietvertrag.pdf", **extra: Any) -> UploadDocument:
    body = {"kind": "lease", "file_name": name, "content": base64.b64encode(content), **extra}
    return UploadDocument.model_validate(body)


# ---------------------------------------------------------------- by content, not by name


def test_the_type_is_found_by_content() -> None:
    assert inspect(png()) == "image/png"
    assert inspect(jpeg()) == "image/jpeg"
    assert inspect(pdf()) == "application/pdf"


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "document_empty"),
        (b"Dies ist ein Brief, kein PDF.", "document_type"),
        (b"<html><script>alert(1)</script></html>", "document_type"),
        (b"GIF89a" + b"\x00" * 20, "document_type"),
        (b"%PDF-1.7\nnur der Anfang", "document_broken"),
        (jpeg()[:200], "document_broken"),
        (png()[:40], "document_broken"),
        (b"%PDF-" + b"x" * MAX_BYTES, "document_too_big"),
    ],
    ids=["empty", "text", "html", "gif", "pdf-head-only", "jpeg-cut", "png-cut", "too-big"],
)
def test_what_is_no_pdf_jpeg_or_png_is_refused_at_the_file_in_german(
    content: bytes, code: str
) -> None:
    with pytest.raises(FieldRefused) as refused:
        inspect(content)
    assert (refused.value.field, refused.value.code) == ("content", code)
    assert refused.value.message.startswith(("Die Datei", "Diese Datei"))


def test_a_jpeg_with_broken_data_is_refused() -> None:
    whole = bytearray(jpeg())
    # Past the headers, the scan's data: garbage where the picture is.
    whole[len(whole) // 2 :] = b"\x00" * (len(whole) - len(whole) // 2)
    with pytest.raises(FieldRefused) as refused:
        inspect(bytes(whole))
    assert refused.value.code == "document_broken"


def test_exactly_the_limit_is_taken() -> None:
    picture = png()
    padded = picture + b"\x00" * (MAX_BYTES - len(picture))
    assert len(padded) == MAX_BYTES
    assert inspect(padded) == "image/png"


def test_the_file_name_keeps_no_folder_and_is_not_empty() -> None:
    assert upload(png(), "C:\\Users\\m\\Scans\\Mietvertrag.pdf").file_name == "Mietvertrag.pdf"
    assert upload(png(), "/home/m/Scans/WBS.png").file_name == "WBS.png"
    assert upload(png(), "Bescheid 3/2026.pdf").file_name == "Bescheid 3-2026.pdf"
    assert upload(png(), "Mietvertrag <b>Öztürk</b>.pdf").file_name == (
        "Mietvertrag <b>Öztürk<-b>.pdf"
    )
    assert upload(png(), "../../etc/passwd").file_name == "..-..-etc-passwd"
    with pytest.raises(ValidationError):
        upload(png(), "C:\\Scans\\")
    with pytest.raises(ValidationError):
        upload(png(), "a\nb.pdf")


# ---------------------------------------------------------------- the archive, both stores


@pytest.fixture
async def commands(tmp_path: Path) -> AsyncIterator[CommandExecutor]:
    async with ib.intake_commands(tmp_path) as executor:
        yield executor


@pytest.fixture(params=["database", "disk"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> DocumentStore:
    if request.param == "database":
        return DatabaseStore(document_blobs)
    folder = tmp_path / "documents"
    folder.mkdir()
    return ObjectStore(LocalStore(folder))


async def keys(commands: CommandExecutor, store: DocumentStore) -> list[str]:
    async with commands.db.read() as conn:
        return [b.key for b in await store.listing(conn, "household_documents/")]


async def rows(commands: CommandExecutor) -> int:
    async with commands.db.read() as conn:
        found = await conn.scalar(select(func.count()).select_from(household_documents))
        return int(found or 0)


async def test_a_png_named_pdf_is_kept_as_the_png_it_is_and_given_back_whole(
    commands: CommandExecutor, store: DocumentStore
) -> None:
    archive = Archive(household_documents, "household_id", store)
    picture = png()
    async with commands.db.transaction() as conn:
        ref = await archive.keep(conn, "koeln", SUBJECT, upload(picture), "user-1")
    async with commands.db.read() as conn:
        listed = await archive.page(conn, "koeln", ListDocuments(subject_id=SUBJECT))
        got = await archive.fetch(conn, "koeln", SUBJECT, ref.document_id)
    (view,) = listed.documents
    assert (view.media_type, view.size, view.file_name) == (
        "image/png",
        len(picture),
        "Mietvertrag.pdf",
    )
    assert (got.media_type, got.content) == ("image/png", picture)
    # Another subject or another town does not reach it.
    async with commands.db.read() as conn:
        with pytest.raises(NotFound):
            await archive.fetch(conn, "koeln", uuid4(), ref.document_id)
        with pytest.raises(NotFound):
            await archive.fetch(conn, "bonn", SUBJECT, ref.document_id)
        other = await archive.page(conn, "bonn", ListDocuments(subject_id=SUBJECT))
    assert other.page.total == 0


async def test_a_retry_is_stored_once_and_a_taken_id_refused(
    commands: CommandExecutor, store: DocumentStore
) -> None:
    archive = Archive(household_documents, "household_id", store)
    own = uuid4()
    sent = upload(png(), document_id=str(own))
    async with commands.db.transaction() as conn:
        first = await archive.keep(conn, "koeln", SUBJECT, sent, "user-1")
    async with commands.db.transaction() as conn:
        again = await archive.keep(conn, "koeln", SUBJECT, sent, "user-1")
    assert first == again and first.document_id == own
    assert (await rows(commands), len(await keys(commands, store))) == (1, 1)
    for other in (
        upload(png("anders", (7, 7)), document_id=str(own)),
        upload(png(), "anders.pdf", document_id=str(own)),
        upload(png(), kind="wbs", document_id=str(own)),
    ):
        with pytest.raises(IdUnavailable):
            async with commands.db.transaction() as conn:
                await archive.keep(conn, "koeln", SUBJECT, other, "user-1")
    with pytest.raises(IdUnavailable):
        async with commands.db.transaction() as conn:
            await archive.keep(conn, "koeln", uuid4(), sent, "user-1")
    assert (await rows(commands), len(await keys(commands, store))) == (1, 1)


async def test_a_refused_file_stores_nothing(
    commands: CommandExecutor, store: DocumentStore
) -> None:
    archive = Archive(household_documents, "household_id", store)
    with pytest.raises(FieldRefused):
        async with commands.db.transaction() as conn:
            await archive.keep(conn, "koeln", SUBJECT, upload(b"kein PDF"), "user-1")
    assert (await rows(commands), await keys(commands, store)) == (0, [])


async def test_a_generated_letter_is_kept_without_inspection(
    commands: CommandExecutor, store: DocumentStore
) -> None:
    archive = Archive(household_documents, "household_id", store)
    letter = pdf("Sehr geehrte Damen und Herren")
    own = uuid4()
    async with commands.db.transaction() as conn:
        ref = await archive.keep_generated(
            conn,
            "koeln",
            SUBJECT,
            kind=DocumentKind.letter,
            file_name="Brief an das Jobcenter.pdf",
            media_type="application/pdf",
            content=letter,
            author="user-1",
            document_id=own,
        )
    assert ref.document_id == own
    async with commands.db.read() as conn:
        got = await archive.fetch(conn, "koeln", SUBJECT, own)
    assert (got.file_name, got.content) == ("Brief an das Jobcenter.pdf", letter)


async def test_pages_newest_first(commands: CommandExecutor, store: DocumentStore) -> None:
    archive = Archive(household_documents, "household_id", store)
    for n in range(5):
        async with commands.db.transaction() as conn:
            await archive.keep(conn, "koeln", SUBJECT, upload(png(), f"{n}.png"), "user-1")
    async with commands.db.read() as conn:
        first = await archive.page(conn, "koeln", ListDocuments(subject_id=SUBJECT, per_page=2))
        last = await archive.page(
            conn, "koeln", ListDocuments(subject_id=SUBJECT, per_page=2, page=3)
        )
    assert [d.file_name for d in first.documents] == ["4.png", "3.png"]
    assert [d.file_name for d in last.documents] == ["0.png"]
    assert (first.page.total, first.page.pages) == (5, 3)


async def test_erasure_takes_rows_and_bytes_and_the_export_lists_no_key(
    commands: CommandExecutor, store: DocumentStore
) -> None:
    archive = Archive(household_documents, "household_id", store)
    kept = uuid4()
    async with commands.db.transaction() as conn:
        await archive.keep(conn, "koeln", SUBJECT, upload(png()), "user-1")
        await archive.keep(conn, "koeln", SUBJECT, upload(jpeg(), "Ausweis.jpg"), "user-1")
        await archive.keep(conn, "koeln", kept, upload(png()), "user-1")
    async with commands.db.read() as conn:
        exported = await archive.export(conn, [SUBJECT])
    assert [r["file_name"] for r in exported] == ["Mietvertrag.pdf", "Ausweis.jpg"]
    assert all("storage_key" not in r and "sha256" not in r for r in exported)
    async with commands.db.transaction() as conn:
        assert await archive.erase(conn, [SUBJECT]) == 2
    assert (await rows(commands), len(await keys(commands, store))) == (1, 1)
    async with commands.db.transaction() as conn:
        assert await archive.erase(conn, [SUBJECT]) == 0


async def test_the_sweep_removes_old_bytes_no_row_names_and_nothing_else(
    commands: CommandExecutor, store: DocumentStore
) -> None:
    """Bytes of a transaction that failed after they were written (the module's
    "Orphans"): simulated by a transaction that raises after `keep`."""
    archive = Archive(household_documents, "household_id", store)
    async with commands.db.transaction() as conn:
        await archive.keep(conn, "koeln", SUBJECT, upload(png()), "user-1")
    with pytest.raises(RuntimeError):
        async with commands.db.transaction() as conn:
            await archive.keep(conn, "koeln", SUBJECT, upload(jpeg()), "user-1")
            raise RuntimeError("the commit fails")
    orphans = 1 if isinstance(store, ObjectStore) else 0  # the database store rolls back
    assert (await rows(commands), len(await keys(commands, store))) == (1, 1 + orphans)
    async with commands.db.transaction() as conn:
        assert await archive.sweep(conn) == 0  # young: its transaction may still run
    if isinstance(store, DatabaseStore):
        return
    later = utcnow() + GRACE + timedelta(minutes=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("shared.casework.documents.utcnow", lambda: later)
        async with commands.db.transaction() as conn:
            assert await archive.sweep(conn) == 1
    assert (await rows(commands), len(await keys(commands, store))) == (1, 1)
    async with commands.db.read() as conn:
        (view,) = (await archive.page(conn, "koeln", ListDocuments(subject_id=SUBJECT))).documents
        assert (await archive.fetch(conn, "koeln", SUBJECT, view.document_id)).content


# ---------------------------------------------------------------- intake: households


@pytest.fixture
def on_disk(commands: CommandExecutor, tmp_path: Path) -> Path:
    """Intake's store on disk, attached as the service attaches it."""
    folder = tmp_path / "intake-documents"
    folder.mkdir()
    attach_store(commands.db, ObjectStore(LocalStore(folder)))
    return folder


def files(folder: Path) -> list[bytes]:
    return [p.read_bytes() for p in folder.rglob("*") if p.is_file()]


async def test_who_may_act_on_the_household_keeps_and_reads_its_documents(
    commands: CommandExecutor, on_disk: Path
) -> None:
    household_id = await ib.register(commands)
    documents = HouseholdDocuments(commands)
    ref = await documents.upload(household_id, upload(pdf()), ib.CARITAS)
    listed = await documents.listing(ListDocuments(subject_id=household_id), ib.COORDINATOR)
    assert [d.uploaded_by for d in listed.documents] == [ib.CARITAS.user_id]
    fetch = FetchDocument(subject_id=household_id, document_id=ref.document_id)
    assert (await documents.fetch(fetch, ib.CARITAS)).content == pdf()
    for outsider in (ib.DRK,):
        with pytest.raises(NotFound):
            await documents.listing(ListDocuments(subject_id=household_id), outsider)
        with pytest.raises(NotFound):
            await documents.fetch(fetch, outsider)
        with pytest.raises(NotFound):
            await documents.upload(household_id, upload(png()), outsider)
    admin = ib.caller(Role.admin)
    with pytest.raises(Forbidden):
        await documents.listing(ListDocuments(subject_id=household_id), admin)
    with pytest.raises(Forbidden):
        await documents.upload(household_id, upload(png()), admin)
    # No event: a document is no fact any figure uses.
    async with commands.db.read() as conn:
        types = set(await conn.scalars(select(events.c.event_type)))
    assert not {t for t in types if "ocument" in t}
    assert len(files(on_disk)) == 1


async def test_restriction_hides_them_and_erasure_takes_rows_and_bytes(
    commands: CommandExecutor, on_disk: Path
) -> None:
    household_id = await ib.register(commands)
    other = await ib.register(commands)
    documents = HouseholdDocuments(commands)
    canary = b"Zqxw-Kanarienvogel"
    await documents.upload(household_id, upload(pdf(canary.decode())), ib.CARITAS)
    await documents.upload(other, upload(png()), ib.CARITAS)
    privacy = Privacy(commands)
    restrict = RestrictProcessing(household_id=household_id, reason=RestrictionReason.legal_claims)
    await privacy.restrict(restrict, ib.COORDINATOR)
    with pytest.raises(NotFound):
        await documents.listing(ListDocuments(subject_id=household_id), ib.CARITAS)
    assert (
        await documents.listing(ListDocuments(subject_id=household_id), ib.COORDINATOR)
    ).page.total == 1
    with pytest.raises(RuleViolation) as refused:
        await documents.upload(household_id, upload(png()), ib.COORDINATOR)
    assert refused.value.code == "restricted"
    await privacy.lift(LiftRestriction(household_id=household_id), ib.COORDINATOR)

    exported = await privacy.export(ExportHousehold(household_id=household_id), ib.COORDINATOR)
    (row,) = exported.personal_data["household_documents"]
    assert (row["document_kind"], row["media_type"]) == ("lease", "application/pdf")
    assert len(files(on_disk)) == 2 and any(canary in f for f in files(on_disk))
    await privacy.erase(EraseHousehold(household_id=household_id), ib.COORDINATOR)
    assert len(files(on_disk)) == 1 and not any(b"Kanarienvogel" in f for f in files(on_disk))
    assert await rows(commands) == 1
    exported = await privacy.export(ExportHousehold(household_id=household_id), ib.COORDINATOR)
    assert exported.personal_data["household_documents"] == []
    with pytest.raises(RuleViolation) as refused:
        await documents.upload(household_id, upload(png()), ib.COORDINATOR)
    assert refused.value.code == "erased"


async def test_without_an_attached_store_the_bytes_stay_in_the_database(
    commands: CommandExecutor,
) -> None:
    household_id = await ib.register(commands)
    await HouseholdDocuments(commands).upload(household_id, upload(png()), ib.CARITAS)
    async with commands.db.read() as conn:
        assert await conn.scalar(select(func.count()).select_from(document_blobs)) == 1
    assert isinstance(intake_documents.archive(commands.db).store, DatabaseStore)
