"""Documents on a volunteer (shared/casework/documents.py: why a document is no event,
where its bytes are).

Staff's alone, as with notes (application/notes.py): the coordination and the volunteer's
provider's caseworkers file them, the readers (also the admin) list and download them;
another provider's volunteer is "not found", and the volunteer themself never sees what
staff keep about them (403 by role). Once the volunteer's data are erased nothing is filed
any more. The check and the write share one transaction.
"""

from __future__ import annotations

from uuid import UUID

from services.volunteer.adapters.tables import document_blobs, volunteer_documents
from services.volunteer.application import access
from services.volunteer.application.notes import VolunteerNotes
from shared.application import CommandExecutor
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
from shared.contracts.volunteer import operations as ops
from shared.db import Database
from shared.decider import RuleViolation
from shared.identity import Caller
from shared.service import ServiceHost

ERASED = "Die Daten dieser/dieses Ehrenamtlichen sind gelöscht: keine neuen Unterlagen."


def archive(db: Database) -> Archive:
    """Volunteer's documents, with the store the service was started with."""
    return Archive(volunteer_documents, "volunteer_id", store_of(db, document_blobs))


class VolunteerDocuments:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands
        # Who sees the volunteer: the notes' check, one rule for both.
        self.notes = VolunteerNotes(commands)

    @property
    def archive(self) -> Archive:
        return archive(self.commands.db)

    async def upload(
        self, volunteer_id: UUID, request: UploadDocument, caller: Caller
    ) -> DocumentRef:
        access.require_manager(caller)
        async with self.commands.db.transaction() as conn:
            state = await self.notes.visible(conn, caller, volunteer_id)
            if state.erased_on is not None:
                raise RuleViolation("erased", ERASED)
            return await self.archive.keep(
                conn, caller.municipality, volunteer_id, request, caller.user_id
            )

    async def listing(self, query: ListDocuments, caller: Caller) -> DocumentList:
        access.require_reader(caller)
        async with self.commands.db.read() as conn:
            await self.notes.visible(conn, caller, query.subject_id)
            return await self.archive.page(conn, caller.municipality, query)

    async def fetch(self, query: FetchDocument, caller: Caller) -> DocumentFile:
        access.require_reader(caller)
        async with self.commands.db.read() as conn:
            await self.notes.visible(conn, caller, query.subject_id)
            return await self.archive.fetch(
                conn, caller.municipality, query.subject_id, query.document_id
            )


def register(host: ServiceHost) -> None:
    """Attach the configured document store; answer `UPLOAD_DOCUMENT`, `LIST_DOCUMENTS`
    and `FETCH_DOCUMENT` on volunteer's RPC subjects."""
    attach_store(host.db, document_store(host.settings, host.name, document_blobs))
    documents = VolunteerDocuments(host.commands)

    @host.rpc.handle(ops.UPLOAD_DOCUMENT)
    async def upload_document(body: Addressed[UploadDocument], caller: Caller) -> DocumentRef:
        return await documents.upload(body.id, body.body, caller)

    @host.rpc.handle(ops.LIST_DOCUMENTS)
    async def list_documents(body: ListDocuments, caller: Caller) -> DocumentList:
        return await documents.listing(body, caller)

    @host.rpc.handle(ops.FETCH_DOCUMENT)
    async def fetch_document(body: FetchDocument, caller: Caller) -> DocumentFile:
        return await documents.fetch(body, caller)
