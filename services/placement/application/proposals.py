"""Use cases on the way from offer to lease: proposals, the landlord's decision, viewings,
guarantees, and the lease that completes the placement.
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncConnection

from services.placement.adapters.households import is_restricted, searcher
from services.placement.adapters.personal_data import (
    ViewingAppointment,
    save_viewing_appointment,
    viewing_held,
)
from services.placement.adapters.rules import load_rules, rent_limits_of
from services.placement.adapters.tables import guarantees
from services.placement.application import access
from services.placement.application.offers import run
from services.placement.domain import offer as of
from services.placement.domain import offer_commands as cmd
from services.placement.domain.offer_state import Offer
from shared.application import CommandExecutor
from shared.clock import today
from shared.contracts import placement as c
from shared.decider import NotFound
from shared.identity import Caller
from shared.validation import refuse_taken_id


class Proposals:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def _household(self, caller: Caller, household_id: UUID) -> cmd.Candidate:
        async with self.commands.db.transaction() as conn:
            found = await searcher(conn, caller.municipality, household_id)
        return access.visible(caller, found)

    async def propose(
        self, offer_id: UUID, request: c.ProposeHouseholds, caller: Caller
    ) -> c.OfferRef:
        households = tuple([await self._household(caller, h) for h in request.household_ids])
        providers = {h.provider for h in households}
        command = cmd.ProposeHouseholds(
            households=households, proposed_on=request.proposed_on or today(), today=today()
        )
        # One envelope, one provider: a proposal across providers names none in it.
        shared = providers.pop() if len(providers) == 1 else None
        return await run(self.commands, caller, offer_id, command, provider=lambda _s: shared)

    async def record_landlord_decision(
        self, offer_id: UUID, request: c.RecordLandlordDecision, caller: Caller
    ) -> c.OfferRef:
        access.coordinator_only(caller, "die Entscheidung des Vermieters festhalten")
        command = cmd.RecordLandlordDecision(
            household_id=request.household_id,
            decision=request.decision,
            decided_on=request.decided_on or today(),
            today=today(),
        )
        household_id = request.household_id
        return await run(
            self.commands,
            caller,
            offer_id,
            command,
            provider=lambda s: s.proposals[household_id].provider,
        )

    async def schedule_viewing(
        self, offer_id: UUID, request: c.ScheduleViewing, caller: Caller
    ) -> c.ViewingRef:
        household = await self._household(caller, request.household_id)
        viewing_id = request.viewing_id or uuid4()
        command = cmd.ScheduleViewing(
            viewing_id=viewing_id,
            household_id=household.household_id,
            viewing_on=request.viewing_on,
            viewing_at=request.viewing_at,
            today=today(),
        )

        appointment = ViewingAppointment(
            viewing_id=viewing_id,
            offer_id=offer_id,
            household_id=household.household_id,
            provider=household.provider,
            viewing_on=request.viewing_on,
            viewing_at=request.viewing_at,
            # Whoever schedules the viewing goes to it: it is in their calendar.
            attendee=caller.user_id,
            place=request.place,
        )

        async def keep_place(conn: AsyncConnection, _: Offer) -> None:
            await save_viewing_appointment(conn, caller.municipality, appointment)

        ref = await run(
            self.commands,
            caller,
            offer_id,
            command,
            provider=lambda _s: household.provider,
            also=keep_place,
        )
        return c.ViewingRef(offer_id=offer_id, version=ref.version, viewing_id=viewing_id)

    async def record_viewing(
        self, offer_id: UUID, request: c.RecordViewing, caller: Caller
    ) -> c.OfferRef:
        scope = access.provider_scope(caller)
        viewing_id = request.viewing_id
        if not scope.every:
            state, _ = await self.commands.load(
                of.offer, of.stream_id(caller.municipality, offer_id)
            )
            viewing = state.viewings.get(viewing_id)
            if viewing is None or not scope.sees(viewing.provider):
                raise NotFound("viewing", "Besichtigung nicht gefunden.")
            async with self.commands.db.read() as conn:
                hidden = await is_restricted(conn, caller.municipality, viewing.household_id)
            if hidden:
                raise NotFound("viewing", "Besichtigung nicht gefunden.")
        command = cmd.RecordViewing(
            viewing_id=viewing_id,
            held_on=request.held_on or today(),
            outcome=request.outcome,
            accompanied_by_tandem=request.accompanied_by_tandem,
            tandem_id=request.tandem_id,
            today=today(),
        )

        async def held(conn: AsyncConnection, _: Offer) -> None:
            await viewing_held(conn, viewing_id)

        return await run(
            self.commands,
            caller,
            offer_id,
            command,
            provider=lambda s: s.viewings[viewing_id].provider,
            also=held,
        )

    async def request_guarantee(
        self, offer_id: UUID, request: c.RequestGuarantee, caller: Caller
    ) -> c.GuaranteeRef:
        access.coordinator_only(caller, "Übernahmen beantragen")
        guarantee_id = request.guarantee_id or uuid4()
        async with self.commands.db.read() as conn:
            g = guarantees.c
            taken = (g.guarantee_id == guarantee_id) & (g.offer_id != offer_id)
            await refuse_taken_id(conn, "guarantee_exists", taken, request.guarantee_id)
        command = cmd.RequestGuarantee(
            guarantee_id=guarantee_id,
            household_id=request.household_id,
            kind=request.kind,
            requested_from=request.requested_from,
            requested_on=request.requested_on or today(),
            today=today(),
            amount=request.amount,
            funding=request.funding,
        )
        ref = await run(
            self.commands, caller, offer_id, command, provider=_guarantee_provider(guarantee_id)
        )
        return c.GuaranteeRef(offer_id=offer_id, version=ref.version, guarantee_id=guarantee_id)

    async def decide_guarantee(
        self, offer_id: UUID, request: c.DecideGuarantee, caller: Caller
    ) -> c.OfferRef:
        access.coordinator_only(caller, "Entscheidungen über Übernahmen festhalten")
        command = cmd.DecideGuarantee(
            guarantee_id=request.guarantee_id,
            decision=request.decision,
            decided_on=request.decided_on or today(),
            today=today(),
            granted_amount=request.granted_amount,
            funding=request.funding,
        )
        return await run(
            self.commands,
            caller,
            offer_id,
            command,
            provider=_guarantee_provider(request.guarantee_id),
        )

    async def complete(
        self, offer_id: UUID, request: c.CompletePlacement, caller: Caller
    ) -> c.OfferRef:
        access.coordinator_only(caller, "Vermittlungen abschließen")
        household = await self._household(caller, request.household_id)
        async with self.commands.db.read() as conn:
            limits = rent_limits_of(await load_rules(conn, caller.municipality))
        limit = limits.for_persons(household.adults + household.minors)
        command = cmd.CompletePlacement(
            household=household,
            lease_signed_on=request.lease_signed_on,
            moved_on=request.moved_on,
            today=today(),
            gross_cold_rent=request.gross_cold_rent,
            warm_rent=request.warm_rent,
            size_m2=request.size_m2,
            rent_limit=limit[0] if limit else None,
            rent_confirmed=request.rent_confirmed,
        )
        return await run(
            self.commands, caller, offer_id, command, provider=lambda _s: household.provider
        )


def _guarantee_provider(guarantee_id: UUID) -> Callable[[Offer], str | None]:
    def provider(state: Offer) -> str | None:
        return state.guarantees[guarantee_id].provider

    return provider
