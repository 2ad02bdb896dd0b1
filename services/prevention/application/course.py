"""Use cases along a case's course: eligibility, the housing office's decision (admit,
reject, extend), the household's consent, and closing."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from services.prevention.adapters import personal_data as pd
from services.prevention.application import access
from services.prevention.application.case_runner import PersonalWrite, run
from services.prevention.domain import case_commands as cmd
from shared.application import CommandExecutor
from shared.clock import today
from shared.contracts.prevention import requests as rq
from shared.contracts.prevention.views import CaseRef
from shared.identity import Caller


def _note(case_id: UUID, entry: str, note: str | None) -> PersonalWrite:
    async def write(conn: AsyncConnection) -> None:
        await pd.save_note(conn, case_id, entry, note)

    return write


class Course:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def check_eligibility(
        self, case_id: UUID, request: rq.CheckEligibility, caller: Caller
    ) -> CaseRef:
        access.require(caller, access.PROVIDER_OR_OFFICE, "die Voraussetzungen prüfen")
        command = cmd.CheckEligibility(
            comparable_help=tuple(request.comparable_help),
            checked_on=request.checked_on or today(),
            today=today(),
        )
        personal = _note(case_id, pd.ELIGIBILITY, request.note)
        return await run(self.commands, caller, case_id, command, personal=personal)

    async def admit(self, case_id: UUID, request: rq.AdmitCase, caller: Caller) -> CaseRef:
        access.require(caller, access.OFFICE, "die Hilfe bewilligen")
        command = cmd.AdmitCase(
            admitted_on=request.admitted_on or today(), ends_on=request.ends_on, today=today()
        )
        return await run(self.commands, caller, case_id, command)

    async def reject(self, case_id: UUID, request: rq.RejectCase, caller: Caller) -> CaseRef:
        access.require(caller, access.OFFICE, "die Hilfe ablehnen")
        command = cmd.RejectCase(
            reason=request.reason, rejected_on=request.rejected_on or today(), today=today()
        )
        personal = _note(case_id, pd.REJECTION, request.note)
        return await run(self.commands, caller, case_id, command, personal=personal)

    async def extend(self, case_id: UUID, request: rq.ExtendCase, caller: Caller) -> CaseRef:
        access.require(caller, access.OFFICE, "die Hilfe verlängern")
        command = cmd.ExtendCase(
            ends_on=request.ends_on, extended_on=request.extended_on or today(), today=today()
        )
        return await run(self.commands, caller, case_id, command)

    async def record_consent(
        self, case_id: UUID, request: rq.RecordConsent, caller: Caller
    ) -> CaseRef:
        access.require(caller, access.PROVIDER_OR_OFFICE, "die Zustimmung festhalten")
        command = cmd.RecordConsent(given_on=request.given_on or today(), today=today())
        return await run(self.commands, caller, case_id, command)

    async def withdraw_consent(
        self, case_id: UUID, request: rq.WithdrawConsent, caller: Caller
    ) -> CaseRef:
        access.require(caller, access.PROVIDER_OR_OFFICE, "den Widerruf festhalten")
        command = cmd.WithdrawConsent(withdrawn_on=request.withdrawn_on or today(), today=today())
        personal = _note(case_id, pd.CONSENT_WITHDRAWAL, request.note)
        return await run(self.commands, caller, case_id, command, personal=personal)

    async def close(self, case_id: UUID, request: rq.CloseCase, caller: Caller) -> CaseRef:
        access.require(caller, access.PROVIDER_OR_OFFICE, "den Fall abschließen")
        command = cmd.CloseCase(
            outcome=request.outcome, closed_on=request.closed_on or today(), today=today()
        )
        personal = _note(case_id, pd.CLOSING, request.note)
        return await run(self.commands, caller, case_id, command, personal=personal)
