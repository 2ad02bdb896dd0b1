"""Use cases for landlords: register one, record a cooperation agreement, show them."""

from __future__ import annotations

from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncConnection

from services.placement.adapters.offers import landlord_rows
from services.placement.adapters.personal_data import load_landlords, save_landlord
from services.placement.application import access
from services.placement.domain import landlord as ll
from shared.application import CommandExecutor
from shared.clock import today
from shared.contracts import placement as c
from shared.decider import NotFound
from shared.identity import Caller
from shared.validation import client_id_guard


class Landlords:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def register(self, request: c.RegisterLandlord, caller: Caller) -> c.LandlordRef:
        access.coordinator_only(caller, "Vermieter aufnehmen")
        landlord_id = request.landlord_id or uuid4()
        command = ll.RegisterLandlord(
            landlord_id=landlord_id,
            kind=request.kind,
            cooperation_agreed_on=request.cooperation_agreed_on,
            registered_on=request.registered_on or today(),
            today=today(),
        )

        async def personal_data(conn: AsyncConnection, _state: ll.Landlord) -> None:
            await save_landlord(conn, caller.municipality, landlord_id, request)

        async with client_id_guard("already_registered", request.landlord_id):
            await self.commands.execute(
                ll.landlord,
                ll.stream_id(caller.municipality, landlord_id),
                command,
                caller.command_context(),
                provider=lambda _state: None,
                also=personal_data,
            )
        return c.LandlordRef(landlord_id=landlord_id)

    async def conclude_cooperation(
        self, landlord_id: UUID, request: c.ConcludeCooperation, caller: Caller
    ) -> c.LandlordRef:
        access.coordinator_only(caller, "Kooperationsvereinbarungen festhalten")
        await self.commands.execute(
            ll.landlord,
            ll.stream_id(caller.municipality, landlord_id),
            ll.ConcludeCooperation(agreed_on=request.agreed_on, today=today()),
            caller.command_context(),
            provider=lambda _state: None,
        )
        return c.LandlordRef(landlord_id=landlord_id)

    async def get(self, landlord_id: UUID, caller: Caller) -> c.LandlordView:
        access.reader(caller)
        state, _ = await self.commands.load(
            ll.landlord, ll.stream_id(caller.municipality, landlord_id)
        )
        if not state.registered:
            raise NotFound("landlord", "Vermieter nicht gefunden.")
        assert state.kind is not None and state.registered_on is not None
        async with self.commands.db.read() as conn:
            details = (await load_landlords(conn, [landlord_id])).get(landlord_id)
        return c.LandlordView(
            landlord_id=landlord_id,
            kind=state.kind,
            name=details.name if details else None,
            contact_person=details.contact_person if details else None,
            cooperation_agreement=state.cooperation_agreed_on is not None,
            cooperation_agreed_on=state.cooperation_agreed_on,
            registered_on=state.registered_on,
        )

    async def listing(self, caller: Caller) -> c.LandlordList:
        access.reader(caller)
        async with self.commands.db.read() as conn:
            rows = await landlord_rows(conn, caller.municipality)
            details = await load_landlords(conn, [row.landlord_id for row in rows])
        views = []
        for row in rows:
            found = details.get(row.landlord_id)
            views.append(
                c.LandlordView(
                    landlord_id=row.landlord_id,
                    kind=row.kind,
                    name=found.name if found else None,
                    contact_person=found.contact_person if found else None,
                    cooperation_agreement=row.cooperation_agreed_on is not None,
                    cooperation_agreed_on=row.cooperation_agreed_on,
                    registered_on=row.registered_on,
                )
            )
        return c.LandlordList(landlords=views)
