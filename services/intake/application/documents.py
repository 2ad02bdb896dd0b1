"""Documents of a household (shared/casework/documents.py: why a document is no event,
where its bytes are).

Who may act on the household keeps and reads them, as with notes: the coordination and the
caseworkers of its provider (another provider's household is "not found", as everywhere in
intake). While processing is restricted (Art. 18) the household exists for the coordination
only, which may read and download its documents but files none; once its data are erased
there is nothing left to file a document with. The check and the write share one
transaction, so a document never lands after the household's erasure.
"""

from __future__ import annotations

from uuid import UUID

from services.intake.adapters.tables import document_blobs, household_documents
from services.intake.application import access
from services.intake.domain import household as hh
from shared.application import CommandExecutor, load_state
from shared.casework.documents import Archive, attach_store, document_store, store_of
from shared.contracts.documents import (
    DocumentFile,
    DocumentList,
    DocumentRef,
    FetchDocument,
    ListDocuments,
    UploadDocument,
)
from shared.contracts.intake import operations as ops
from shared.contracts.operation import Addressed
from shared.db import Database
from shared.decider import Forbidden, RuleViolation
from shared.identity import Caller
from shared.service import ServiceHost

RESTRICTED = (
    "Die Verarbeitung der Daten dieses Haushalts ist eingeschränkt: keine neuen Unterlagen."
)
ERASED = "Die Daten dieses Haushalts sind gelöscht: keine neuen Unterlagen."
READERS_ONLY = (
    "Unterlagen zum Haushalt sehen nur die Koordination und die Fachkräfte seines Trägers."
)


def archive(db: Database) -> Archive:
    """Intake's household documents, with the store the service was started with."""
    return Archive(household_documents, "household_id", store_of(db, document_blobs))


class HouseholdDocuments:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    @property
    def archive(self) -> Archive:
        return archive(self.commands.db)

    async def upload(
        self, household_id: UUID, request: UploadDocument, caller: Caller
    ) -> DocumentRef:
        access.require_staff(caller)
        stream = hh.stream_id(caller.municipality, household_id)
        async with self.commands.db.transaction() as conn:
            state, _ = await load_state(conn, self.commands.store, hh.household, stream)
            access.require_visible(caller, state)
            if state.erased:
                raise RuleViolation("erased", ERASED)
            if state.restricted:
                raise RuleViolation("restricted", RESTRICTED)
            return await self.archive.keep(
                conn, caller.municipality, household_id, request, caller.user_id
            )

    async def listing(self, query: ListDocuments, caller: Caller) -> DocumentList:
        await self._require_reader(caller, query.subject_id)
        async with self.commands.db.read() as conn:
            return await self.archive.page(conn, caller.municipality, query)

    async def fetch(self, query: FetchDocument, caller: Caller) -> DocumentFile:
        await self._require_reader(caller, query.subject_id)
        async with self.commands.db.read() as conn:
            return await self.archive.fetch(
                conn, caller.municipality, query.subject_id, query.document_id
            )

    async def _require_reader(self, caller: Caller, household_id: UUID) -> None:
        if caller.role not in access.STAFF:
            raise Forbidden("role", READERS_ONLY)
        state, _ = await self.commands.load(
            hh.household, hh.stream_id(caller.municipality, household_id)
        )
        access.require_visible(caller, state)


def register(host: ServiceHost) -> None:
    """Attach the configured document store; answer `UPLOAD_DOCUMENT`, `LIST_DOCUMENTS`
    and `FETCH_DOCUMENT` on intake's RPC subjects."""
    attach_store(host.db, document_store(host.settings, host.name, document_blobs))
    documents = HouseholdDocuments(host.commands)

    @host.rpc.handle(ops.UPLOAD_DOCUMENT)
    async def upload_document(body: Addressed[UploadDocument], caller: Caller) -> DocumentRef:
        return await documents.upload(body.id, body.body, caller)

    @host.rpc.handle(ops.LIST_DOCUMENTS)
    async def list_documents(body: ListDocuments, caller: Caller) -> DocumentList:
        return await documents.listing(body, caller)

    @host.rpc.handle(ops.FETCH_DOCUMENT)
    async def fetch_document(body: FetchDocument, caller: Caller) -> DocumentFile:
        return await documents.fetch(body, caller)
