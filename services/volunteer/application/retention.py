"""The retention job of volunteer: erase a volunteer's personal data (name, contact,
login) N years after they left, N per municipality.

The run itself (idempotent, reported, scheduled) is the kernel's (`shared/retention.py`).
A volunteer who still accompanies an active tandem keeps their data (the rule of
`ErasePersonalData`): the run reports them as `tandems_active`. The erasure is
`VolunteerPersonalDataErased` with ground `retention_expired` on the run's day.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters import tandem_index, volunteer_list
from services.volunteer.adapters.personal_data import erase_volunteer
from services.volunteer.adapters.retention import retention_rules
from services.volunteer.adapters.streams import fold_streams
from services.volunteer.application import documents
from services.volunteer.domain import tandems as td
from services.volunteer.domain import volunteer as vo
from shared.application import CommandExecutor
from shared.contracts.intake import ErasureGround
from shared.identity import Caller
from shared.purge import purge_deleted_rows
from shared.retention import RetentionReport, apply_rules, load_rules, streams_with


class Volunteers:
    """Volunteer's subjects of retention: volunteers, ended when they left."""

    kind = "volunteer"

    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def ended(self, municipality: str) -> list[tuple[UUID, date]]:
        async with self.commands.db.read() as conn:
            streams = await streams_with(conn, municipality, ["VolunteerLeft"])
            states = await fold_streams(conn, self.commands.store, vo.volunteer, streams)
        return [
            (state.volunteer_id, state.left_on)
            for state, _ in states.values()
            if state.volunteer_id and state.left_on and state.erased_on is None
        ]

    async def hold(self, municipality: str, subject_id: UUID) -> str | None:
        return "tandems_active" if await self.active_tandems(municipality, subject_id) else None

    async def erase(self, job: Caller, subject_id: UUID, day: date) -> None:
        active = await self.active_tandems(job.municipality, subject_id)
        command = vo.ErasePersonalData(
            ground=ErasureGround.retention_expired, today=day, active_tandems=active
        )

        async def blank(conn: AsyncConnection, state: vo.Volunteer) -> None:
            await erase_volunteer(conn, subject_id, documents.archive(self.commands.db))
            await volunteer_list.index(conn, job.municipality, state)

        await self.commands.execute(
            vo.volunteer,
            vo.stream_id(job.municipality, subject_id),
            command,
            job.command_context(),
            provider=lambda state: state.provider,
            also=blank,
        )
        await purge_deleted_rows(self.commands.db)

    async def active_tandems(self, municipality: str, volunteer_id: UUID) -> int:
        """How many tandems the volunteer still accompanies."""
        async with self.commands.db.read() as conn:
            keys = await tandem_index.of_volunteer(conn, municipality, volunteer_id)
            streams = [td.stream_id(municipality, k.household_id) for k in keys]
            states = await fold_streams(conn, self.commands.store, td.tandems, streams)
        mine = {k.tandem_id for k in keys}
        return sum(
            1
            for state, _ in states.values()
            for t in state.tandems
            if t.tandem_id in mine and t.ended_on is None
        )


async def run_retention(
    commands: CommandExecutor,
    today: date,
    *,
    apply: bool,
    extra_rules: dict[str, int] | None = None,
) -> RetentionReport:
    """Find (and with `apply`, erase) every volunteer whose retention period ended.

    `extra_rules` take precedence over the stored ones (a dry run of a rule to come).
    """
    async with commands.db.read() as conn:
        by_municipality = {**await load_rules(conn, retention_rules), **(extra_rules or {})}
    report = await apply_rules(Volunteers(commands), by_municipality, today, apply=apply)
    if apply:
        # Bytes of documents whose transaction failed after they were written
        # (shared/casework/documents.py, "Orphans"): removed with the daily run.
        async with commands.db.transaction() as conn:
            await documents.archive(commands.db).sweep(conn)
    return report
