"""Documents on an offer (shared/casework/documents.py: why a document is no event, where
its bytes are): the floor plan, the energy certificate, a lease signed for the flat.

The coordination's alone, like the offer's notes (application/notes.py says why: what is
kept on an offer speaks of the landlord's people and of households of every provider).
A household's erasure deletes those of the offers it was proposed for, uploaded up to the
erasure (`erase_household_texts`).
"""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from services.placement.adapters.tables import document_blobs, offer_documents
from services.placement.application import access
from services.placement.domain import offer as of
from shared.application import CommandExecutor, load_state
from shared.casework.documents import (
    Archive,
    attach_store,
    document_store,
    store_for,
    store_of,
)
from shared.contracts.documents import (
    DocumentFile,
    DocumentList,
    DocumentRef,
    FetchDocument,
    ListDocuments,
    UploadDocument,
)
from shared.contracts.operation import Addressed
from shared.contracts.placement import operations as ops
from shared.db import Database
from shared.decider import NotFound
from shared.identity import Caller
from shared.service import ServiceHost

WHAT = "Unterlagen zu Wohnungsangeboten führen"
OFFER_NOT_FOUND = "Wohnungsangebot nicht gefunden."


def archive(db: Database) -> Archive:
    """Placement's offer documents, with the store the service was started with."""
    return Archive(offer_documents, "offer_id", store_of(db, document_blobs))


def archive_for(conn: AsyncConnection) -> Archive:
    """`archive` of the database `conn` is a connection to (a consumer's projection)."""
    return Archive(offer_documents, "offer_id", store_for(conn, document_blobs))


class OfferDocuments:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    @property
    def archive(self) -> Archive:
        return archive(self.commands.db)

    async def _require_offer(self, conn: AsyncConnection, caller: Caller, offer_id: UUID) -> None:
        access.coordinator_only(caller, WHAT)
        state, _ = await load_state(
            conn, self.commands.store, of.offer, of.stream_id(caller.municipality, offer_id)
        )
        if not state.received:
            raise NotFound("offer", OFFER_NOT_FOUND)

    async def upload(self, offer_id: UUID, request: UploadDocument, caller: Caller) -> DocumentRef:
        async with self.commands.db.transaction() as conn:
            await self._require_offer(conn, caller, offer_id)
            return await self.archive.keep(
                conn, caller.municipality, offer_id, request, caller.user_id
            )

    async def listing(self, query: ListDocuments, caller: Caller) -> DocumentList:
        async with self.commands.db.read() as conn:
            await self._require_offer(conn, caller, query.subject_id)
            return await self.archive.page(conn, caller.municipality, query)

    async def fetch(self, query: FetchDocument, caller: Caller) -> DocumentFile:
        async with self.commands.db.read() as conn:
            await self._require_offer(conn, caller, query.subject_id)
            return await self.archive.fetch(
                conn, caller.municipality, query.subject_id, query.document_id
            )


def register(host: ServiceHost) -> None:
    """Attach the configured document store; answer `UPLOAD_DOCUMENT`, `LIST_DOCUMENTS`
    and `FETCH_DOCUMENT` on placement's RPC subjects."""
    attach_store(host.db, document_store(host.settings, host.name, document_blobs))
    documents = OfferDocuments(host.commands)

    @host.rpc.handle(ops.UPLOAD_DOCUMENT)
    async def upload_document(body: Addressed[UploadDocument], caller: Caller) -> DocumentRef:
        return await documents.upload(body.id, body.body, caller)

    @host.rpc.handle(ops.LIST_DOCUMENTS)
    async def list_documents(body: ListDocuments, caller: Caller) -> DocumentList:
        return await documents.listing(body, caller)

    @host.rpc.handle(ops.FETCH_DOCUMENT)
    async def fetch_document(body: FetchDocument, caller: Caller) -> DocumentFile:
        return await documents.fetch(body, caller)
