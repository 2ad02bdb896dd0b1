"""Intake's use cases for households: register one, show one."""

from __future__ import annotations

from uuid import uuid4

from sqlalchemy.ext.asyncio import AsyncConnection

from services.intake.adapters.personal_data import load_personal_data, save_registration
from services.intake.domain import household as hh
from shared.application import CommandExecutor
from shared.clock import today
from shared.contracts.intake import (
    Accommodation,
    GetHousehold,
    HouseholdRef,
    HouseholdView,
    RegisterHousehold,
)
from shared.decider import Forbidden, NotFound
from shared.identity import Caller, Role

MAY_REGISTER = {Role.coordinator, Role.caseworker}
SEES_ALL_PROVIDERS = {Role.coordinator, Role.admin}


class Households:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def register(self, request: RegisterHousehold, caller: Caller) -> HouseholdRef:
        if caller.role not in MAY_REGISTER:
            raise Forbidden("role", "Ihre Rolle darf keine Haushalte aufnehmen.")
        if caller.role is Role.caseworker and request.provider != caller.provider:
            raise Forbidden(
                "other_provider", "Sie können nur Haushalte Ihres eigenen Trägers aufnehmen."
            )
        household_id = request.household_id or uuid4()
        command = hh.RegisterHousehold(
            household_id=household_id,
            provider=request.provider,
            registered_on=request.registered_on,
            accommodation_kind=request.accommodation.kind,
            age_bands=tuple(m.age_band for m in request.members),
            today=today(),
        )

        async def personal_data(conn: AsyncConnection, _state: hh.Household) -> None:
            await save_registration(conn, caller.municipality, household_id, request)

        await self.commands.execute(
            hh.household,
            hh.stream_id(caller.municipality, household_id),
            command,
            caller.command_context(),
            provider=lambda state: state.provider,
            also=personal_data,
        )
        return HouseholdRef(household_id=household_id)

    async def get(self, query: GetHousehold, caller: Caller) -> HouseholdView:
        state, version = await self.commands.load(
            hh.household, hh.stream_id(caller.municipality, query.household_id)
        )
        visible = state.registered and (
            caller.role in SEES_ALL_PROVIDERS
            or (caller.role is Role.caseworker and caller.provider == state.provider)
        )
        if not visible:
            # Same answer whether it does not exist or is not yours: no existence leak.
            raise NotFound("household", "Haushalt nicht gefunden.")
        assert state.household_id and state.provider and state.registered_on
        assert state.accommodation_kind
        async with self.commands.db.transaction() as conn:
            members, contact, note, site = await load_personal_data(conn, query.household_id)
        return HouseholdView(
            household_id=state.household_id,
            municipality=caller.municipality,
            provider=state.provider,
            registered_on=state.registered_on,
            accommodation=Accommodation(kind=state.accommodation_kind, site=site),
            adults=state.adults,
            minors=state.minors,
            persons=state.persons,
            members=members,
            contact=contact,
            note=note,
            version=version,
        )
