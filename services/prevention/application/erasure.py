"""Erasing a case's personal data (Art. 17 DSGVO), the coordinator's use case.

`CasePersonalDataErased`, the case list row and the deletion of the case's rows in
`case_details`, `case_notes` and `case_file_notes` commit in one transaction; then
SQLite's files are rewritten so no deleted byte remains (shared/purge.py). The figures
count the case's events, which hold no personal data, so every figure stays as it was.
"""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from services.prevention.adapters.personal_data import erase_case_rows
from services.prevention.application import documents
from services.prevention.application.case_runner import run
from services.prevention.domain import case_commands as cmd
from shared.application import CommandExecutor
from shared.clock import today
from shared.contracts.prevention import requests as rq
from shared.contracts.prevention import views as vw
from shared.decider import Forbidden
from shared.identity import Caller, Role
from shared.purge import purge_deleted_rows


class CaseErasure:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def erase(self, case_id: UUID, request: rq.EraseCase, caller: Caller) -> vw.CaseRef:
        """Erase the case's contact, address, referrer and notes; 409 the second time."""
        if caller.role is not Role.coordinator:
            raise Forbidden("role", "Nur die Koordination darf personenbezogene Daten löschen.")

        async def delete_rows(conn: AsyncConnection) -> None:
            await erase_case_rows(conn, case_id, documents.archive(self.commands.db))

        command = cmd.ErasePersonalData(ground=request.ground, today=today())
        ref = await run(self.commands, caller, case_id, command, personal=delete_rows)
        await purge_deleted_rows(self.commands.db)
        return ref
