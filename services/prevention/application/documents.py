"""Documents of a Wohnintegrationshilfe case (shared/casework/documents.py: why a
document is no event, where its bytes are).

Whoever may see the case today files and reads them, as with notes (application/notes.py):
the coordination and the Fachstelle Wohnen every case of the municipality, a caseworker
their own provider's; another provider's case is "not found". A case of a household whose
processing intake restricted is the coordination's alone, which reads but files nothing
while the restriction lasts; once the case's data are erased nothing is filed any more.
The checks and the write share one transaction.
"""

from __future__ import annotations

from uuid import UUID

from services.prevention.adapters.tables import case_documents, document_blobs
from services.prevention.application import access
from services.prevention.application.notes import require_visible
from services.prevention.domain import case as cs
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
from shared.contracts.operation import Addressed
from shared.contracts.prevention import operations as ops
from shared.db import Database
from shared.decider import RuleViolation
from shared.identity import Caller
from shared.service import ServiceHost

RESTRICTED = (
    "Die Verarbeitung der Daten dieses Haushalts ist eingeschränkt: keine neuen Unterlagen."
)
ERASED = "Die Daten dieses Falls sind gelöscht: keine neuen Unterlagen."


def archive(db: Database) -> Archive:
    """Prevention's case documents, with the store the service was started with."""
    return Archive(case_documents, "case_id", store_of(db, document_blobs))


class CaseDocuments:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    @property
    def archive(self) -> Archive:
        return archive(self.commands.db)

    async def upload(self, case_id: UUID, request: UploadDocument, caller: Caller) -> DocumentRef:
        access.reader(caller)
        stream = cs.stream_id(caller.municipality, case_id)
        async with self.commands.db.transaction() as conn:
            state, _ = await load_state(conn, self.commands.store, cs.case, stream)
            restricted = await require_visible(conn, caller, state)
            if state.erased_on is not None:
                raise RuleViolation("erased", ERASED)
            if restricted:
                raise RuleViolation("restricted", RESTRICTED)
            return await self.archive.keep(
                conn, caller.municipality, case_id, request, caller.user_id
            )

    async def listing(self, query: ListDocuments, caller: Caller) -> DocumentList:
        access.reader(caller)
        state, _ = await self.commands.load(
            cs.case, cs.stream_id(caller.municipality, query.subject_id)
        )
        async with self.commands.db.read() as conn:
            await require_visible(conn, caller, state)
            return await self.archive.page(conn, caller.municipality, query)

    async def fetch(self, query: FetchDocument, caller: Caller) -> DocumentFile:
        access.reader(caller)
        state, _ = await self.commands.load(
            cs.case, cs.stream_id(caller.municipality, query.subject_id)
        )
        async with self.commands.db.read() as conn:
            await require_visible(conn, caller, state)
            return await self.archive.fetch(
                conn, caller.municipality, query.subject_id, query.document_id
            )


def register(host: ServiceHost) -> None:
    """Attach the configured document store; answer `UPLOAD_DOCUMENT`, `LIST_DOCUMENTS`
    and `FETCH_DOCUMENT` on prevention's RPC subjects."""
    attach_store(host.db, document_store(host.settings, host.name, document_blobs))
    documents = CaseDocuments(host.commands)

    @host.rpc.handle(ops.UPLOAD_DOCUMENT)
    async def upload_document(body: Addressed[UploadDocument], caller: Caller) -> DocumentRef:
        return await documents.upload(body.id, body.body, caller)

    @host.rpc.handle(ops.LIST_DOCUMENTS)
    async def list_documents(body: ListDocuments, caller: Caller) -> DocumentList:
        return await documents.listing(body, caller)

    @host.rpc.handle(ops.FETCH_DOCUMENT)
    async def fetch_document(body: FetchDocument, caller: Caller) -> DocumentFile:
        return await documents.fetch(body, caller)
