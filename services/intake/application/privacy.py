"""Data protection use cases of intake, all the coordinator's: erase a household's
personal data (Art. 17 DSGVO) or one member's, restrict its processing instead (Art. 18
DSGVO, §84 SGB X), lift the restriction, export everything intake holds on it (Art. 15
DSGVO).

The event (`PersonalDataErased`, `ProcessingRestricted`, `RestrictionLifted`) and the
row changes commit in one transaction; other services learn of an erasure from the
event, which carries no personal data. After an erasure, SQLite files are rewritten so
no deleted byte remains (shared/purge.py).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from services.intake.adapters import privacy as rows
from services.intake.adapters.directory import sync_directory
from services.intake.application import access, documents
from services.intake.domain import household as hh
from services.intake.domain import household_commands as cmd
from shared.access import guarded
from shared.application import CommandExecutor
from shared.casework.documents import Archive
from shared.clock import today
from shared.contracts.intake import (
    ERASED,
    EraseHousehold,
    ErasureGround,
    ExportHousehold,
    HouseholdExport,
    HouseholdRef,
    LiftRestriction,
    RecordedFact,
    RestrictProcessing,
)
from shared.contracts.intake.privacy import EraseMember
from shared.identity import Caller
from shared.purge import purge_deleted_rows

Also = Callable[[AsyncConnection, hh.Household], Awaitable[None]]


class Privacy:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    @property
    def documents(self) -> Archive:
        """The household's documents: erasure takes their bytes from the store too. Looked
        up when used, so the store the service attaches after building this is the one."""
        return documents.archive(self.commands.db)

    async def erase(self, request: EraseHousehold, caller: Caller) -> HouseholdRef:
        access.require_coordinator(caller, "personenbezogene Daten löschen")
        await self.erase_as(caller, request, ErasureGround.data_subject_request, today())
        return HouseholdRef(household_id=request.household_id)

    async def erase_as(
        self, caller: Caller, request: EraseHousehold, ground: ErasureGround, day: date
    ) -> None:
        """Erase for `caller` (a coordinator or the retention job) on `day`; purge the files."""
        municipality = caller.municipality
        decider = guarded(hh.household, lambda s: access.require_visible(caller, s))

        async def erase_rows(conn: AsyncConnection, state: hh.Household) -> None:
            await rows.erase_household_rows(
                conn, municipality, request.household_id, self.documents
            )
            await sync_directory(conn, municipality, state)

        await self.commands.execute(
            decider,
            hh.stream_id(municipality, request.household_id),
            cmd.ErasePersonalData(ground=ground, today=day),
            caller.command_context(),
            provider=lambda state: state.provider,
            also=erase_rows,
        )
        await purge_deleted_rows(self.commands.db)

    async def erase_member(self, request: EraseMember, caller: Caller) -> HouseholdRef:
        """One person's name and birth date; the household, its counts and the person's
        role and age band stay. Other services forget the person through the event."""
        access.require_coordinator(caller, "personenbezogene Daten löschen")
        household_id, member_id = request.household_id, request.member_id
        async with self.commands.db.read() as conn:
            found = await rows.member_of_household(conn, household_id, member_id)
        command = cmd.EraseMemberPersonalData(
            member_id=member_id,
            ground=ErasureGround.data_subject_request,
            today=today(),
            member_found=found,
        )

        async def blank(conn: AsyncConnection, _: hh.Household) -> None:
            await rows.erase_member_row(conn, household_id, member_id)

        ref = await self._run(caller, household_id, command, blank)
        await purge_deleted_rows(self.commands.db)
        return ref

    async def restrict(self, request: RestrictProcessing, caller: Caller) -> HouseholdRef:
        access.require_coordinator(caller, "die Verarbeitung einschränken")
        day = today()

        async def save(conn: AsyncConnection, _: hh.Household) -> None:
            await rows.save_restriction(
                conn, caller.municipality, request.household_id, request.reason, day, request.note
            )

        command = cmd.RestrictProcessing(request.reason, day)
        return await self._run(caller, request.household_id, command, save)

    async def lift(self, request: LiftRestriction, caller: Caller) -> HouseholdRef:
        access.require_coordinator(caller, "eine Einschränkung aufheben")

        async def drop(conn: AsyncConnection, _: hh.Household) -> None:
            await rows.drop_restriction(conn, request.household_id)

        return await self._run(caller, request.household_id, cmd.LiftRestriction(today()), drop)

    async def export(self, request: ExportHousehold, caller: Caller) -> HouseholdExport:
        access.require_coordinator(caller, "Auskunft über gespeicherte Daten erteilen")
        stream = hh.stream_id(caller.municipality, request.household_id)
        async with self.commands.db.read() as conn:
            history = await self.commands.store.load(conn, stream)
            state = hh.household.fold(r.event for r in history)  # type: ignore[misc]
            access.require_visible(caller, state)
            personal = await rows.export_household_rows(
                conn, caller.municipality, request.household_id, self.documents
            )
        for member in personal.get("household_members", []):
            # The row stays for role and age band; say why its names are empty.
            if state.member_erased_on(member["member_id"]) is not None:
                member["given_name"] = ERASED
        return HouseholdExport(
            household_id=request.household_id,
            municipality=caller.municipality,
            exported_on=today(),
            personal_data=personal,
            history=[
                RecordedFact(
                    event_type=r.envelope.event_type,
                    occurred_at=r.envelope.occurred_at,
                    recorded_at=r.envelope.recorded_at,
                    payload=r.envelope.payload,
                )
                for r in history
            ],
        )

    async def _run(
        self, caller: Caller, household_id: UUID, command: cmd.Command, also: Also
    ) -> HouseholdRef:
        decider = guarded(hh.household, lambda s: access.require_visible(caller, s))

        async def and_directory(conn: AsyncConnection, state: hh.Household) -> None:
            # A restriction hides the household from the directory of everyone else.
            await also(conn, state)
            await sync_directory(conn, caller.municipality, state)

        await self.commands.execute(
            decider,
            hh.stream_id(caller.municipality, household_id),
            command,
            caller.command_context(),
            provider=lambda state: state.provider,
            also=and_directory,
        )
        return HouseholdRef(household_id=household_id)
