"""The retention job of prevention: erase a case's personal data (contact person, address,
who referred, notes) N years after the case was closed or rejected, N per municipality.

The run itself (idempotent, reported, scheduled) is the kernel's (`shared/retention.py`).
A case of a household whose processing intake restricted (Art. 18 DSGVO) is skipped and
reported as `restricted`. The erasure is `CasePersonalDataErased` with ground
`retention_expired` on the run's day; the case's events stay, so every figure stays.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from services.prevention.adapters.personal_data import erase_case_rows
from services.prevention.adapters.restrictions import restricted_among
from services.prevention.adapters.retention import retention_rules
from services.prevention.application import documents
from services.prevention.application.case_runner import run
from services.prevention.domain import case as cs
from services.prevention.domain import case_commands as cmd
from shared.application import CommandExecutor
from shared.contracts.intake import ErasureGround
from shared.identity import Caller
from shared.purge import purge_deleted_rows
from shared.retention import RetentionReport, apply_rules, load_rules, streams_with

ENDINGS = ("CaseClosed", "CaseRejected")


class Cases:
    """Prevention's subjects of retention: cases, ended when closed or rejected."""

    kind = "case"

    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def ended(self, municipality: str) -> list[tuple[UUID, date]]:
        async with self.commands.db.read() as conn:
            streams = await streams_with(conn, municipality, ENDINGS)
        found = []
        for stream_id in streams:
            state, _ = await self.commands.load(cs.case, stream_id)
            ended_on = state.closed_on or state.rejected_on
            if state.case_id is None or state.erased_on is not None or ended_on is None:
                continue
            found.append((state.case_id, ended_on))
        return found

    async def hold(self, municipality: str, subject_id: UUID) -> str | None:
        state, _ = await self.commands.load(cs.case, cs.stream_id(municipality, subject_id))
        if state.household_id is None:
            return None
        async with self.commands.db.read() as conn:
            restricted = await restricted_among(conn, municipality, [state.household_id])
        return "restricted" if restricted else None

    async def erase(self, job: Caller, subject_id: UUID, day: date) -> None:
        async def delete_rows(conn: AsyncConnection) -> None:
            await erase_case_rows(conn, subject_id, documents.archive(self.commands.db))

        command = cmd.ErasePersonalData(ground=ErasureGround.retention_expired, today=day)
        await run(self.commands, job, subject_id, command, personal=delete_rows)
        await purge_deleted_rows(self.commands.db)


async def run_retention(
    commands: CommandExecutor,
    today: date,
    *,
    apply: bool,
    extra_rules: dict[str, int] | None = None,
) -> RetentionReport:
    """Find (and with `apply`, erase) every case whose retention period ended.

    `extra_rules` take precedence over the stored ones (a dry run of a rule to come).
    """
    async with commands.db.read() as conn:
        by_municipality = {**await load_rules(conn, retention_rules), **(extra_rules or {})}
    report = await apply_rules(Cases(commands), by_municipality, today, apply=apply)
    if apply:
        # Bytes of documents whose transaction failed after they were written
        # (shared/casework/documents.py, "Orphans"): removed with the daily run.
        async with commands.db.transaction() as conn:
            await documents.archive(commands.db).sweep(conn)
    return report
