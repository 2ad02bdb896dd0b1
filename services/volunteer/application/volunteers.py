"""Use cases for volunteers: register one (with login and personal data), record an
onboarding step, record leaving, erase their personal data (Art. 17 DSGVO), show one,
list them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters import tandem_index, volunteer_list
from services.volunteer.adapters.personal_data import (
    VolunteerDetails,
    erase_volunteer,
    load_volunteers,
    save_volunteer,
)
from services.volunteer.adapters.streams import fold_streams
from services.volunteer.application import access, documents
from services.volunteer.domain import tandems as td
from services.volunteer.domain import volunteer as vo
from shared.access import guarded, require_known_provider
from shared.application import CommandExecutor
from shared.clock import today
from shared.contracts import volunteer as c
from shared.contracts.intake import ERASED
from shared.decider import Forbidden
from shared.identity import Caller, Role
from shared.purge import purge_deleted_rows

_NOT_FOUND = "Ehrenamtliche/r nicht gefunden."


class Volunteers:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def register(self, request: c.RegisterVolunteer, caller: Caller) -> c.VolunteerRef:
        access.require_own_provider(caller, request.provider)
        require_known_provider(caller, request.provider)
        volunteer_id = request.volunteer_id or uuid4()
        command = vo.RegisterVolunteer(
            volunteer_id=volunteer_id,
            provider=request.provider,
            registered_on=request.registered_on or today(),
            today=today(),
            district=request.district,
            languages=tuple(request.languages),
        )

        async def personal_data(conn: AsyncConnection, _state: vo.Volunteer) -> None:
            await save_volunteer(conn, caller.municipality, volunteer_id, request)

        await self._execute(volunteer_id, command, caller, also=personal_data)
        return c.VolunteerRef(volunteer_id=volunteer_id)

    async def onboard(
        self, volunteer_id: UUID, request: c.RecordOnboardingStep, caller: Caller
    ) -> c.VolunteerRef:
        access.require_manager(caller)
        day = request.done_on or today()
        command = vo.RecordOnboardingStep(step=request.step, done_on=day, today=today())
        await self._execute(volunteer_id, command, caller)
        return c.VolunteerRef(volunteer_id=volunteer_id)

    async def leave(
        self, volunteer_id: UUID, request: c.RecordLeaving, caller: Caller
    ) -> c.VolunteerRef:
        access.require_manager(caller)
        active = await self._active_tandems(caller.municipality, volunteer_id)
        day = request.left_on or today()
        command = vo.RecordLeaving(left_on=day, today=today(), active_tandems=active)
        await self._execute(volunteer_id, command, caller)
        return c.VolunteerRef(volunteer_id=volunteer_id)

    async def erase(
        self, volunteer_id: UUID, request: c.EraseVolunteer, caller: Caller
    ) -> c.VolunteerRef:
        """The coordinator's: the event and the blanked row commit together, then the
        SQLite file is rewritten so no erased byte remains."""
        if caller.role is not Role.coordinator:
            raise Forbidden("role", "Nur die Koordination darf personenbezogene Daten löschen.")
        active = await self._active_tandems(caller.municipality, volunteer_id)
        command = vo.ErasePersonalData(ground=request.ground, today=today(), active_tandems=active)

        async def blank(conn: AsyncConnection, _state: vo.Volunteer) -> None:
            await erase_volunteer(conn, volunteer_id, documents.archive(self.commands.db))

        await self._execute(volunteer_id, command, caller, also=blank)
        await purge_deleted_rows(self.commands.db)
        return c.VolunteerRef(volunteer_id=volunteer_id)

    async def get(self, volunteer_id: UUID, caller: Caller) -> c.VolunteerView:
        access.require_reader(caller)
        state, version = await self.commands.load(
            vo.volunteer, vo.stream_id(caller.municipality, volunteer_id)
        )
        access.require_visible(caller, state.provider, "volunteer", _NOT_FOUND)
        async with self.commands.db.read() as conn:
            found = await load_volunteers(conn, caller.municipality, volunteer_id=volunteer_id)
        return _view(state, version, found[0] if found else None)

    async def listing(self, query: c.ListVolunteers, caller: Caller) -> c.VolunteerList:
        """One page, paged and ordered in SQL; only the page's streams are folded."""
        scope = access.provider_scope(caller).narrowed(query.provider)
        if scope.nothing:
            return c.VolunteerList(volunteers=[], page=query.info(0))
        async with self.commands.db.read() as conn:
            found = await volunteer_list.listing(conn, caller.municipality, scope.provider, query)
            details = await load_volunteers(conn, caller.municipality, ids=found.volunteer_ids)
            by_id = {d.volunteer_id: d for d in details}
            streams = {vid: vo.stream_id(caller.municipality, vid) for vid in found.volunteer_ids}
            states = await fold_streams(conn, self.commands.store, vo.volunteer, streams.values())
        views = [
            _view(*states[streams[vid]], by_id.get(vid))
            for vid in found.volunteer_ids
            if streams[vid] in states
        ]
        return c.VolunteerList(volunteers=views, page=query.info(found.total))

    async def _execute(
        self,
        volunteer_id: UUID,
        command: vo.Command,
        caller: Caller,
        also: Callable[[AsyncConnection, vo.Volunteer], Awaitable[None]] | None = None,
    ) -> None:
        def visible(state: vo.Volunteer) -> None:
            # A create with a taken id is refused by the decider alike for every owner.
            if state.registered and not isinstance(command, vo.RegisterVolunteer):
                access.require_visible(caller, state.provider, "volunteer", _NOT_FOUND)

        async def write(conn: AsyncConnection, state: vo.Volunteer) -> None:
            if also is not None:
                await also(conn, state)
            await volunteer_list.index(conn, caller.municipality, state)

        await self.commands.execute(
            guarded(vo.volunteer, visible),
            vo.stream_id(caller.municipality, volunteer_id),
            command,
            caller.command_context(),
            provider=lambda state: state.provider,
            also=write,
        )

    async def _active_tandems(self, municipality: str, volunteer_id: UUID) -> int:
        async with self.commands.db.transaction() as conn:
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


def _view(state: vo.Volunteer, version: int, details: VolunteerDetails | None) -> c.VolunteerView:
    assert state.volunteer_id and state.provider and state.registered_on
    if state.erased_on is not None:
        details = None  # shown as „gelöscht“, whatever a late reader might still find
    return c.VolunteerView(
        volunteer_id=state.volunteer_id,
        provider=state.provider,
        user_id=details.user_id if details else None,
        given_name=details.given_name if details else _erased(state),
        family_name=details.family_name if details else None,
        phone=details.phone if details else None,
        email=details.email if details else None,
        district=state.district,
        languages=list(state.languages),
        registered_on=state.registered_on,
        onboarding=[
            c.OnboardingView(step=step, done_on=day)
            for step, day in sorted(state.onboarding.items(), key=lambda item: item[1])
        ],
        ready_for_tandem=state.ready_for_tandem,
        left_on=state.left_on,
        version=version,
        erased_on=state.erased_on,
    )


def _erased(state: vo.Volunteer) -> str | None:
    return ERASED if state.erased_on is not None else None
