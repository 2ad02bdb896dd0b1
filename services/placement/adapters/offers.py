"""Queries on placement's read models of landlords, offers, proposals and guarantees."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Row, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.placement.adapters.tables import landlords, offers, proposals
from shared.clock import business_time
from shared.contracts.placement import GetOffers, OfferFacts, OfferReceived, OfferStatus


async def landlord_rows(conn: AsyncConnection, municipality: str) -> list[Row[Any]]:
    t = landlords
    statement = select(t).where(t.c.municipality == municipality).order_by(t.c.registered_on)
    return list(await conn.execute(statement))


async def offer_list(
    conn: AsyncConnection, municipality: str, status: OfferStatus | None, district: str | None
) -> list[OfferFacts]:
    t = offers
    statement = select(t).where(t.c.municipality == municipality)
    if status is not None:
        statement = statement.where(t.c.status == status.value)
    if district is not None:
        statement = statement.where(t.c.district == district)
    rows = await conn.execute(statement.order_by(t.c.received_on, t.c.offer_id))
    return [OfferFacts.model_validate(row, from_attributes=True) for row in rows]


_SORTS: dict[str, ColumnElement[Any]] = {
    "received": offers.c.received_on,
    "available": offers.c.available_from,
    "district": offers.c.district,
    "rooms": offers.c.rooms,
    "rent": offers.c.cold_rent + offers.c.running_costs,
}


async def offer_page(
    conn: AsyncConnection, municipality: str, query: GetOffers
) -> tuple[list[OfferFacts], int]:
    """One page of the municipality's offers, filtered and sorted in SQL, and how many
    there are on every page together. The offer id ends the order: a stable page."""
    t = offers
    where = [t.c.municipality == municipality]
    if query.status is not None:
        where.append(t.c.status == query.status.value)
    if query.district is not None:
        where.append(t.c.district == query.district)
    if query.landlord_id is not None:
        where.append(t.c.landlord_id == query.landlord_id)
    total = (await conn.execute(select(func.count()).select_from(t).where(*where))).scalar_one()
    column = _SORTS[query.sort]
    order = (column.desc(), t.c.offer_id.desc()) if query.descending else (column, t.c.offer_id)
    statement = select(t).where(*where).order_by(*order).limit(query.per_page).offset(query.offset)
    rows = await conn.execute(statement)
    return [OfferFacts.model_validate(row, from_attributes=True) for row in rows], total


def as_received(facts: OfferFacts) -> OfferReceived:
    """The offer as its `OfferReceived` event said, for the matching rules."""
    return OfferReceived.model_validate(
        {
            **facts.model_dump(exclude={"received_on", "status"}),
            "occurred_at": business_time(facts.received_on),
        }
    )


async def offers_proposed_for(conn: AsyncConnection, household_id: UUID) -> set[UUID]:
    statement = select(proposals.c.offer_id).where(proposals.c.household_id == household_id)
    return set((await conn.execute(statement)).scalars())
