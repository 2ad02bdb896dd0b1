"""The retention job of intake: erase a household's personal data N years after it was
deregistered (its case closed), N per municipality (`retention_rules`).

The run itself (idempotent, reported, scheduled) is the kernel's (`shared/retention.py`).
A restricted household (Art. 18 DSGVO: a retention duty forbids erasure) is skipped and
reported. `today` is a parameter, so the job can be run (and tested) as of any day; the
erasure is recorded on that day with ground `retention_expired`.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from services.intake.adapters import retention as rules
from services.intake.application import documents
from services.intake.application.privacy import Privacy
from services.intake.domain import household as hh
from shared.application import CommandExecutor
from shared.contracts.intake import EraseHousehold, ErasureGround
from shared.identity import Caller
from shared.retention import RetentionReport, apply_rules, years_after

__all__ = ["Households", "run_retention", "years_after"]


class Households:
    """Intake's subjects of retention: households, ended when deregistered."""

    kind = "household"

    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def ended(self, municipality: str) -> list[tuple[UUID, date]]:
        async with self.commands.db.read() as conn:
            streams = await rules.deregistered_streams(conn, municipality)
        found = []
        for stream_id in streams:
            state, _ = await self.commands.load(hh.household, stream_id)
            if state.erased or state.deregistered_on is None or state.household_id is None:
                continue
            found.append((state.household_id, state.deregistered_on))
        return found

    async def hold(self, municipality: str, subject_id: UUID) -> str | None:
        state, _ = await self.commands.load(hh.household, hh.stream_id(municipality, subject_id))
        return "restricted" if state.restricted else None

    async def erase(self, job: Caller, subject_id: UUID, day: date) -> None:
        request = EraseHousehold(household_id=subject_id)
        await Privacy(self.commands).erase_as(job, request, ErasureGround.retention_expired, day)


async def run_retention(
    commands: CommandExecutor,
    today: date,
    *,
    apply: bool,
    extra_rules: dict[str, int] | None = None,
) -> RetentionReport:
    """Find (and with `apply`, erase) every household whose retention period ended.

    `extra_rules` take precedence over the stored ones (a dry run of a rule to come).
    """
    async with commands.db.read() as conn:
        by_municipality = {**await rules.load_rules(conn), **(extra_rules or {})}
    report = await apply_rules(Households(commands), by_municipality, today, apply=apply)
    if apply:
        # Bytes of documents whose transaction failed after they were written
        # (shared/casework/documents.py, "Orphans"): removed with the daily run.
        async with commands.db.transaction() as conn:
            await documents.archive(commands.db).sweep(conn)
    return report
