"""Use cases for tandems: form one, end it, record a support act, show and list them,
and show a volunteer the household of their tandem.

A household whose processing is restricted is hidden from all but a coordinator and gets
no new tandem; its active tandems are not ended (see `restriction.py`).
"""

from __future__ import annotations

from uuid import UUID, uuid4

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters import consents, households, tandem_index
from services.volunteer.adapters.personal_data import (
    VolunteerDetails,
    load_volunteers,
    volunteer_by_user,
)
from services.volunteer.adapters.streams import fold_streams
from services.volunteer.adapters.tandem_index import TandemKey
from services.volunteer.application import access, restriction, tandem_views
from services.volunteer.domain import tandems as td
from services.volunteer.domain import volunteer as vo
from services.volunteer.domain.tandem_commands import EndTandem, FormTandem, RecordSupport
from shared.access import guarded
from shared.application import CommandExecutor
from shared.clock import today
from shared.contracts import volunteer as c
from shared.contracts.intake import ERASED, ConsentPurpose
from shared.decider import Forbidden, NotFound
from shared.identity import Caller, Role
from shared.validation import IdUnavailable


class Tandems:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def form(self, request: c.FormTandem, caller: Caller) -> c.TandemRef:
        access.require_manager(caller)
        municipality, household_id = caller.municipality, request.household_id
        tandem_id = request.tandem_id or uuid4()
        async with self.commands.db.transaction() as conn:
            history = await self.commands.store.load(
                conn, vo.stream_id(municipality, request.volunteer_id)
            )
            row = await households.household(conn, municipality, household_id)
            placements = await households.placements(conn, municipality, household_id)
            formed_on = request.formed_on or today()
            consent = await consents.valid_on(
                conn, municipality, household_id, ConsentPurpose.volunteer_tandem, formed_on
            )
        volunteer = vo.volunteer.fold(r.event for r in history)  # type: ignore[misc]
        if volunteer.registered and not access.may_see(caller, volunteer.provider):
            volunteer = vo.Volunteer()  # another provider's: as unknown as a missing one
        if row is not None and row.restricted:
            if not restriction.sees_restricted(caller):
                row = None  # as unknown as a missing one
            else:
                restriction.refuse_new_tandem()
        command = FormTandem(
            tandem_id=tandem_id,
            household_id=household_id,
            formed_on=formed_on,
            today=today(),
            volunteer=volunteer,
            household=row.known if row and access.may_see(caller, row.provider) else None,
            placements=placements,
            consent=consent,
        )

        async def index(conn: AsyncConnection, state: td.HouseholdTandems) -> None:
            assert volunteer.volunteer_id and volunteer.provider
            key = TandemKey(tandem_id, household_id, volunteer.volunteer_id, volunteer.provider)
            try:
                await tandem_index.add(conn, municipality, key)
            except IntegrityError as exc:
                raise IdUnavailable("already_formed") from exc
            await tandem_index.sync(conn, state)

        await self.commands.execute(
            td.tandems,
            td.stream_id(municipality, household_id),
            command,
            caller.command_context(),
            provider=lambda _state: volunteer.provider,
            also=index,
        )
        return c.TandemRef(tandem_id=tandem_id)

    async def end(self, tandem_id: UUID, request: c.EndTandem, caller: Caller) -> c.TandemRef:
        access.require_manager(caller)
        command = EndTandem(
            tandem_id=tandem_id,
            ended_on=request.ended_on or today(),
            reason=request.reason,
            today=today(),
        )
        await self._execute(tandem_id, command, caller)
        return c.TandemRef(tandem_id=tandem_id)

    async def support(
        self, tandem_id: UUID, request: c.RecordSupport, caller: Caller
    ) -> c.SupportRef:
        if caller.role not in access.MANAGERS | {Role.volunteer}:
            raise Forbidden("role", "Ihre Rolle darf keine Unterstützung erfassen.")
        support_id = request.support_id or uuid4()
        command = RecordSupport(
            support_id=support_id,
            tandem_id=tandem_id,
            kind=request.kind,
            supported_on=request.supported_on or today(),
            today=today(),
        )
        await self._execute(tandem_id, command, caller)
        return c.SupportRef(tandem_id=tandem_id, support_id=support_id)

    async def get(self, tandem_id: UUID, caller: Caller) -> c.TandemView:
        access.require_tandem_reader(caller)
        key, me = await self._key(tandem_id, caller)
        state, _ = await self.commands.load(
            td.tandems, td.stream_id(caller.municipality, key.household_id)
        )
        tandem = tandem_views.require_visible(caller, key, state, me)
        return tandem_views.tandem_view(key, state, tandem)

    async def listing(self, query: c.ListTandems, caller: Caller) -> c.TandemList:
        """One page, paged and ordered in SQL; only the page's households are folded."""
        access.require_tandem_reader(caller)
        municipality = caller.municipality
        async with self.commands.db.read() as conn:
            me = await self._me(conn, caller)
            if caller.role is Role.volunteer:
                # Their own active tandems only (tandem_views.may_see).
                scope, mine = None, me
                query = query.model_copy(update={"include_ended": False})
            else:
                scope, mine = access.provider_scope(caller), None
            if (scope is not None and scope.nothing) or (scope is None and mine is None):
                return c.TandemList(tandems=[], page=query.info(0))
            found = await tandem_index.page(
                conn,
                municipality,
                query,
                provider=scope.provider if scope is not None else None,
                volunteer_id=mine,
                with_restricted=restriction.sees_restricted(caller),
            )
            streams = {
                k.household_id: td.stream_id(municipality, k.household_id) for k in found.keys
            }
            states = await fold_streams(conn, self.commands.store, td.tandems, streams.values())
            people = await load_volunteers(
                conn, municipality, ids={k.volunteer_id for k in found.keys}
            )
        views = []
        for key in found.keys:
            state = states.get(streams[key.household_id], (td.tandems.initial_state, 0))[0]
            tandem = state.tandem(key.tandem_id)
            if tandem is not None and tandem_views.may_see(caller, key, tandem, me):
                views.append(tandem_views.tandem_view(key, state, tandem))
        names = {p.volunteer_id: _name(p) for p in people}
        return c.TandemList(
            tandems=views,
            page=query.info(found.total),
            volunteer_names={v.volunteer_id: names.get(v.volunteer_id, ERASED) for v in views},
        )

    async def household(self, query: c.GetTandemHousehold, caller: Caller) -> c.TandemHouseholdView:
        """The household of a tandem, as little as a tandem needs (no names, no contacts)."""
        access.require_tandem_reader(caller)
        municipality = caller.municipality
        async with self.commands.db.read() as conn:
            me = await self._me(conn, caller)
            keys = await tandem_index.of_household(conn, municipality, query.household_id)
            row = await households.household(conn, municipality, query.household_id)
        state, _ = await self.commands.load(
            td.tandems, td.stream_id(municipality, query.household_id)
        )
        visible = [
            tandem
            for key in keys
            if (tandem := state.tandem(key.tandem_id)) is not None
            and tandem_views.may_see(caller, key, tandem, me)
        ]
        if row is None or not visible or restriction.hidden(caller, row.restricted):
            raise NotFound("household", "Haushalt nicht gefunden.")
        current = max(visible, key=lambda t: (t.ended_on is None, t.formed_on))
        return tandem_views.household_view(row, current)

    async def _execute(
        self, tandem_id: UUID, command: EndTandem | RecordSupport, caller: Caller
    ) -> None:
        key, me = await self._key(tandem_id, caller)

        def visible(state: td.HouseholdTandems) -> None:
            # Checked on the state the command is decided on: an ended tandem is gone
            # for its volunteer at once.
            tandem_views.require_visible(caller, key, state, me)

        await self.commands.execute(
            guarded(td.tandems, visible),
            td.stream_id(caller.municipality, key.household_id),
            command,
            caller.command_context(),
            provider=lambda _state: key.provider,
            also=lambda conn, state: tandem_index.sync(conn, state),
        )

    async def _key(self, tandem_id: UUID, caller: Caller) -> tuple[TandemKey, UUID | None]:
        async with self.commands.db.read() as conn:
            key = await tandem_index.find(conn, caller.municipality, tandem_id)
            me = await self._me(conn, caller)
            restricted = key is not None and bool(
                await households.restricted_among(conn, caller.municipality, [key.household_id])
            )
        if key is None or restriction.hidden(caller, restricted):
            raise NotFound("tandem", tandem_views.NOT_FOUND)
        return key, me

    @staticmethod
    async def _me(conn: AsyncConnection, caller: Caller) -> UUID | None:
        if caller.role is not Role.volunteer:
            return None
        return await volunteer_by_user(conn, caller.municipality, caller.user_id)


def _name(details: VolunteerDetails) -> str:
    """The name a staff list shows; an erased volunteer's row has none: „gelöscht“."""
    name = " ".join(n for n in (details.given_name, details.family_name) if n)
    return name or ERASED
