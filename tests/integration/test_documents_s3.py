"""The document store on S3 (shared/casework/documents.py, `AUSZUG_<SERVICE>_DOCUMENT_STORE=s3`)
against a real S3 API on loopback (moto's server, spoken to over HTTP by obstore as any
S3-compatible store would be): a document kept through the settings' store comes back
whole, its bytes are under the table's prefix in the bucket, erasure deletes them, and the
sweep deletes only old bytes no row names."""

from __future__ import annotations

import base64
import io
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto.server import ThreadedMotoServer
from PIL import Image

import support.builders.intake as ib
from services.intake.adapters.tables import document_blobs, household_documents
from shared.application import CommandExecutor
from shared.casework.documents import GRACE, Archive, ObjectStore, document_store
from shared.clock import utcnow
from shared.contracts.documents import ListDocuments, UploadDocument
from shared.settings import service_settings
from support.ports import free_port

BUCKET = "auszug-intake-documents"
KEYS = {"aws_access_key_id": "auszug-test", "aws_secret_access_key": "auszug-test-secret"}


@pytest.fixture
def s3() -> Iterator[str]:
    """A real S3 API on loopback with an empty bucket; its endpoint."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    try:
        client = boto3.client("s3", endpoint_url=endpoint, region_name="eu-central-1", **KEYS)
        client.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"}
        )
        yield endpoint
    finally:
        server.stop()


@pytest.fixture
async def commands(tmp_path: Path) -> AsyncIterator[CommandExecutor]:
    async with ib.intake_commands(tmp_path) as executor:
        yield executor


def keys_in_bucket(endpoint: str) -> list[str]:
    client = boto3.client("s3", endpoint_url=endpoint, region_name="eu-central-1", **KEYS)
    found: list[dict[str, Any]] = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    return sorted(o["Key"] for o in found)


def png(colour: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (5, 5), (colour, 0, 0)).save(out, "PNG")
    return out.getvalue()


def upload(content: bytes) -> UploadDocument:
    body = {"kind": "lease", "file_name": "Mietvertrag.pdf", "content": base64.b64encode(content)}
    return UploadDocument.model_validate(body)


async def test_documents_on_an_s3_compatible_store(s3: str, commands: CommandExecutor) -> None:
    settings = service_settings("intake", 0)(
        document_store="s3",
        document_s3_endpoint=s3,
        document_s3_bucket=BUCKET,
        document_s3_region="eu-central-1",
        document_s3_access_key_id=KEYS["aws_access_key_id"],
        document_s3_secret_access_key=KEYS["aws_secret_access_key"],
    )
    store = document_store(settings, "intake", document_blobs)
    assert isinstance(store, ObjectStore)
    archive = Archive(household_documents, "household_id", store)
    subject_id = await ib.register(commands)
    async with commands.db.transaction() as conn:
        ref = await archive.keep(conn, "koeln", subject_id, upload(png(1)), "user-1")
    (key,) = keys_in_bucket(s3)
    assert key.startswith(f"household_documents/{ref.document_id}/")
    async with commands.db.read() as conn:
        got = await archive.fetch(conn, "koeln", subject_id, ref.document_id)
        listed = await archive.page(conn, "koeln", ListDocuments(subject_id=subject_id))
    assert (got.media_type, got.content) == ("image/png", png(1))
    assert listed.page.total == 1

    # Bytes of a transaction that failed after writing them: swept once old enough.
    with pytest.raises(RuntimeError):
        async with commands.db.transaction() as conn:
            await archive.keep(conn, "koeln", subject_id, upload(png(2)), "user-1")
            raise RuntimeError("the commit fails")
    assert len(keys_in_bucket(s3)) == 2
    async with commands.db.transaction() as conn:
        assert await archive.sweep(conn) == 0
    later = utcnow() + GRACE + timedelta(minutes=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("shared.casework.documents.utcnow", lambda: later)
        async with commands.db.transaction() as conn:
            assert await archive.sweep(conn) == 1
    assert keys_in_bucket(s3) == [key]

    # Erasure: the row and the object go.
    async with commands.db.transaction() as conn:
        assert await archive.erase(conn, [subject_id]) == 1
    assert keys_in_bucket(s3) == []
