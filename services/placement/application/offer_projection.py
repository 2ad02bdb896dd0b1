"""Placement's read models of its own events: landlords, offers, proposals, guarantees and
placements, for lists, matching across offers and the stalled-cases view.

The offer stream stays the truth for every decision; these tables serve questions across
many offers, and can be dropped and replayed from the stream.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, delete, insert, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.placement.adapters.tables import (
    guarantees,
    landlords,
    offers,
    placements,
    proposals,
)
from shared.clock import business_day
from shared.contracts.placement import (
    CooperationAgreementConcluded,
    GuaranteeDecided,
    GuaranteeRequested,
    HouseholdProposed,
    LandlordDecided,
    LandlordRegistered,
    OfferExpired,
    OfferReceived,
    OfferStatus,
    OfferWithdrawn,
    PlacementCompleted,
    PlacementRetracted,
)
from shared.eventstore.store import RecordedEvent

CONSUMER = "placement-offers"
SUBJECTS = "auszug.placement.*"


class OfferProjection:
    async def apply(self, conn: AsyncConnection, batch: Sequence[RecordedEvent]) -> None:
        for recorded in batch:
            await self._apply_one(conn, recorded)

    async def _apply_one(self, conn: AsyncConnection, recorded: RecordedEvent) -> None:
        municipality = recorded.envelope.municipality
        event = recorded.event
        day = business_day(event.occurred_at)
        match event:
            case LandlordRegistered():
                await _insert(
                    conn,
                    landlords,
                    landlord_id=event.landlord_id,
                    municipality=municipality,
                    kind=event.kind.value,
                    registered_on=day,
                    cooperation_agreed_on=event.cooperation_agreed_on,
                )
            case CooperationAgreementConcluded():
                await _update(
                    conn, landlords, {"landlord_id": event.landlord_id}, cooperation_agreed_on=day
                )
            case OfferReceived():
                facts = event.model_dump(exclude={"occurred_at"})
                await _insert(
                    conn,
                    offers,
                    **facts,
                    municipality=municipality,
                    received_on=day,
                    status=OfferStatus.open.value,
                )
            case OfferWithdrawn() | OfferExpired():
                status = (
                    OfferStatus.withdrawn
                    if isinstance(event, OfferWithdrawn)
                    else OfferStatus.expired
                )
                await _update(
                    conn, offers, {"offer_id": event.offer_id}, status=status.value, closed_on=day
                )
            case HouseholdProposed():
                await _insert(
                    conn,
                    proposals,
                    offer_id=event.offer_id,
                    household_id=event.household_id,
                    municipality=municipality,
                    provider=event.provider,
                    proposed_on=day,
                )
            case LandlordDecided():
                key = {"offer_id": event.offer_id, "household_id": event.household_id}
                await _update(conn, proposals, key, decision=event.decision.value, decided_on=day)
            case GuaranteeRequested():
                await _insert(
                    conn,
                    guarantees,
                    guarantee_id=event.guarantee_id,
                    offer_id=event.offer_id,
                    household_id=event.household_id,
                    municipality=municipality,
                    provider=event.provider,
                    kind=event.kind.value,
                    requested_from=event.requested_from.value,
                    requested_on=day,
                )
            case GuaranteeDecided():
                key = {"guarantee_id": event.guarantee_id}
                await _update(conn, guarantees, key, decision=event.decision.value, decided_on=day)
            case PlacementCompleted():
                await _update(
                    conn,
                    offers,
                    {"offer_id": event.offer_id},
                    status=OfferStatus.let.value,
                    closed_on=day,
                )
                await _insert(
                    conn,
                    placements,
                    offer_id=event.offer_id,
                    household_id=event.household_id,
                    municipality=municipality,
                    provider=event.provider,
                    lease_signed_on=day,
                    moved_on=event.moved_on,
                )
            case PlacementRetracted():
                await _update(
                    conn,
                    offers,
                    {"offer_id": event.offer_id},
                    status=OfferStatus.open.value,
                    closed_on=None,
                )
                # A read model: the retracted placement is gone from it; the event stays.
                await conn.execute(
                    delete(placements).where(
                        placements.c.offer_id == event.offer_id,
                        placements.c.household_id == event.household_id,
                    )
                )
            case _:
                pass


async def _insert(conn: AsyncConnection, table: Table, **values: Any) -> None:
    await conn.execute(insert(table).values(**values))


async def _update(conn: AsyncConnection, table: Table, key: dict[str, Any], **values: Any) -> None:
    statement = update(table).values(**values)
    for column, value in key.items():
        statement = statement.where(table.c[column] == value)
    await conn.execute(statement)
