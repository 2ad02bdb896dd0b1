"""Intake's use cases that change a registered household: composition, accommodation,
hand-over, deregistration and housing-readiness assessments.

Access is checked on the state the decider decides on (`shared.access.guarded`), inside the
command's transaction; personal data go to intake's tables through `also`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncConnection

from services.intake.adapters import household_changes as rows
from services.intake.adapters.directory import sync_directory
from services.intake.application import access
from services.intake.domain import household as hh
from services.intake.domain import household_commands as cmd
from shared.access import guarded, require_known_provider
from shared.application import CommandExecutor
from shared.clock import today
from shared.contracts.intake import (
    AssessHousingReadiness,
    AssignCaseworker,
    ChangeAccommodation,
    ChangeComposition,
    DeregisterHousehold,
    HandOverHousehold,
    HouseholdRef,
    MemberRole,
)
from shared.decider import RuleViolation
from shared.identity import Caller

Also = Callable[[AsyncConnection, hh.Household], Awaitable[None]]


class HouseholdChanges:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def _run(
        self, caller: Caller, household_id: UUID, command: cmd.Command, also: Also | None = None
    ) -> HouseholdRef:
        decider = guarded(hh.household, lambda s: access.require_visible(caller, s))

        async def and_directory(conn: AsyncConnection, state: hh.Household) -> None:
            # Persons, provider and deregistration are what the directory shows.
            if also is not None:
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

    async def change_composition(self, request: ChangeComposition, caller: Caller) -> HouseholdRef:
        access.require_staff(caller)
        # Visible first: which members exist must not leak before access is clear.
        state, _ = await self.commands.load(
            hh.household, hh.stream_id(caller.municipality, request.household_id)
        )
        access.require_visible(caller, state)
        async with self.commands.db.transaction() as conn:
            members = {
                m.member_id: m for m in await rows.current_members(conn, request.household_id)
            }
        if any(member_id not in members for member_id in request.leaving):
            raise RuleViolation(
                "unknown_member", "Mindestens eine der Personen gehört nicht (mehr) zum Haushalt."
            )
        if request.new_head is not None and (
            request.new_head not in members or request.new_head in request.leaving
        ):
            raise RuleViolation(
                "new_head_not_member",
                "Der künftige Haushaltsvorstand muss zum Haushalt gehören und dort bleiben.",
            )
        leaving = [members[member_id] for member_id in request.leaving]
        command = cmd.ChangeComposition(
            change=request.change,
            changed_on=request.changed_on,
            joining=tuple(m.age_band for m in request.joining),
            leaving=tuple(m.age_band for m in leaving),
            today=today(),
            head_leaves=any(m.role is MemberRole.head for m in leaving),
            new_head_named=request.new_head is not None,
        )

        async def write_members(conn: AsyncConnection, _: hh.Household) -> None:
            if request.joining:
                await rows.add_members(conn, request.household_id, request.joining)
            if request.leaving:
                await rows.remove_members(
                    conn,
                    request.household_id,
                    request.leaving,
                    request.changed_on,
                    request.new_head,
                )

        return await self._run(caller, request.household_id, command, write_members)

    async def change_accommodation(
        self, request: ChangeAccommodation, caller: Caller
    ) -> HouseholdRef:
        access.require_staff(caller)
        command = cmd.ChangeAccommodation(
            accommodation_kind=request.accommodation.kind, moved_on=request.moved_on, today=today()
        )

        async def write_site(conn: AsyncConnection, _: hh.Household) -> None:
            await rows.set_site(conn, request.household_id, request.accommodation.site)

        return await self._run(caller, request.household_id, command, write_site)

    async def hand_over(self, request: HandOverHousehold, caller: Caller) -> HouseholdRef:
        access.require_coordinator(caller, "Haushalte an einen anderen Träger übergeben")
        require_known_provider(caller, request.to_provider, field="to_provider")
        command = cmd.HandOverHousehold(
            to_provider=request.to_provider, handed_over_on=request.handed_over_on, today=today()
        )
        return await self._run(caller, request.household_id, command)

    async def deregister(self, request: DeregisterHousehold, caller: Caller) -> HouseholdRef:
        access.require_staff(caller)
        command = cmd.DeregisterHousehold(
            reason=request.reason, deregistered_on=request.deregistered_on, today=today()
        )

        async def write_note(conn: AsyncConnection, _: hh.Household) -> None:
            if request.note:
                await rows.save_deregistration_note(conn, request.household_id, request.note)

        return await self._run(caller, request.household_id, command, write_note)

    async def assess_readiness(
        self, request: AssessHousingReadiness, caller: Caller
    ) -> HouseholdRef:
        access.require_staff(caller)
        assessment_id = uuid4()
        command = cmd.AssessHousingReadiness(
            assessment_id=assessment_id,
            assessed_on=request.assessed_on,
            criteria=tuple(request.criteria.items()),
            result=request.result,
            today=today(),
        )

        async def write_note(conn: AsyncConnection, _: hh.Household) -> None:
            if request.note:
                await rows.save_readiness_note(
                    conn, request.household_id, assessment_id, request.note
                )

        return await self._run(caller, request.household_id, command, write_note)

    async def assign_caseworker(self, request: AssignCaseworker, caller: Caller) -> HouseholdRef:
        """Who is responsible. Intake cannot tell a member of staff from any other pseudonym:
        the gateway checks that the chosen person is an active caseworker (or coordinator) of
        the household's provider before it sends this."""
        access.require_staff(caller)
        command = cmd.AssignCaseworker(caseworker=request.caseworker, today=today())
        return await self._run(caller, request.household_id, command)
