"""Use cases for offers: receive, withdraw, let expire, show one, list them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncConnection

from services.placement.adapters.households import restricted_households
from services.placement.adapters.offers import offer_page
from services.placement.adapters.personal_data import load_offer, save_offer, viewing_places_of
from services.placement.application import access
from services.placement.application.offer_view import offer_view
from services.placement.domain import landlord as ll
from services.placement.domain import offer as of
from services.placement.domain import offer_commands as cmd
from services.placement.domain.offer_state import Offer
from shared.application import CommandExecutor
from shared.clock import today
from shared.contracts import placement as c
from shared.decider import NotFound
from shared.identity import Caller
from shared.validation import client_id_guard


def _no_provider(_state: Offer) -> str | None:
    return None


async def run(
    commands: CommandExecutor,
    caller: Caller,
    offer_id: UUID,
    command: cmd.Command,
    *,
    provider: Callable[[Offer], str | None] = _no_provider,
    also: Callable[[AsyncConnection, Offer], Awaitable[None]] | None = None,
) -> c.OfferRef:
    """Decide `command` on the offer's stream.

    `provider` names the provider of the household the new events are about, read from
    the state after them, for the envelope (reports per provider filter on it).
    """
    outcome = await commands.execute(
        of.offer,
        of.stream_id(caller.municipality, offer_id),
        command,
        caller.command_context(),
        provider=provider,
        also=also,
    )
    return c.OfferRef(offer_id=offer_id, version=outcome.version)


def _retracted_provider(state: Offer) -> str | None:
    """The retracted placement's household belongs to this provider (the report per
    provider takes the correction off that provider's figures)."""
    return state.retracted.provider if state.retracted else None


class Offers:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def receive(self, request: c.ReceiveOffer, caller: Caller) -> c.OfferRef:
        access.coordinator_only(caller, "Wohnungsangebote aufnehmen")
        landlord, _ = await self.commands.load(
            ll.landlord, ll.stream_id(caller.municipality, request.landlord_id)
        )
        if landlord.kind is None:
            raise NotFound("landlord", "Vermieter nicht gefunden.")
        offer_id = request.offer_id or uuid4()
        command = cmd.ReceiveOffer(
            offer_id=offer_id,
            landlord_id=request.landlord_id,
            landlord_kind=landlord.kind,
            district=request.district,
            rooms=request.rooms,
            size_m2=request.size_m2,
            cold_rent=request.cold_rent,
            running_costs=request.running_costs,
            available_from=request.available_from,
            wbs_required=request.wbs_required,
            refugee_quota=request.refugee_quota,
            accessible=request.accessible,
            source=request.source,
            received_on=request.received_on or today(),
            today=today(),
        )

        async def personal_data(conn: AsyncConnection, _state: Offer) -> None:
            await save_offer(conn, caller.municipality, offer_id, request)

        async with client_id_guard("already_received", request.offer_id):
            outcome = await self.commands.execute(
                of.offer,
                of.stream_id(caller.municipality, offer_id),
                command,
                caller.command_context(),
                provider=_no_provider,
                also=personal_data,
            )
        return c.OfferRef(offer_id=offer_id, version=outcome.version)

    async def withdraw(
        self, offer_id: UUID, request: c.WithdrawOffer, caller: Caller
    ) -> c.OfferRef:
        access.coordinator_only(caller, "Angebote zurückziehen")
        command = cmd.WithdrawOffer(
            reason=request.reason, withdrawn_on=request.withdrawn_on or today(), today=today()
        )
        return await run(self.commands, caller, offer_id, command)

    async def expire(self, offer_id: UUID, request: c.ExpireOffer, caller: Caller) -> c.OfferRef:
        access.coordinator_only(caller, "Angebote als abgelaufen festhalten")
        command = cmd.ExpireOffer(expired_on=request.expired_on or today(), today=today())
        return await run(self.commands, caller, offer_id, command)

    async def retract_placement(
        self, offer_id: UUID, request: c.RetractPlacement, caller: Caller
    ) -> c.OfferRef:
        """A correction: the placement in force on this offer no longer counts."""
        access.coordinator_only(caller, "Vermittlungen zurücknehmen")
        command = cmd.RetractPlacement(
            reason=request.reason, retracted_on=request.retracted_on or today(), today=today()
        )
        return await run(self.commands, caller, offer_id, command, provider=_retracted_provider)

    async def get(self, offer_id: UUID, caller: Caller) -> c.OfferView:
        scope = access.provider_scope(caller)
        state, version = await self.commands.load(
            of.offer, of.stream_id(caller.municipality, offer_id)
        )
        if state.facts is None:
            raise NotFound("offer", "Wohnungsangebot nicht gefunden.")
        async with self.commands.db.read() as conn:
            street_address, note = await load_offer(conn, offer_id)
            places = await viewing_places_of(conn, offer_id)
            hidden = set()
            if not access.sees_restricted(caller):
                hidden = await restricted_households(conn, caller.municipality)
        return offer_view(state, version, scope, street_address, note, hidden, places)

    async def listing(self, query: c.GetOffers, caller: Caller) -> c.OfferList:
        access.reader(caller)
        async with self.commands.db.read() as conn:
            found, total = await offer_page(conn, caller.municipality, query)
        return c.OfferList(offers=found, page=query.info(total))
