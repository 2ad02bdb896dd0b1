"""Placement's personal data: landlords' names and contact persons, flats' street addresses,
notes. Keyed by id, never copied into events (docs/architecture.md, invariant 6), so erasing them
leaves the event history and every figure untouched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from uuid import UUID

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.placement.adapters.tables import landlord_details, offer_details, viewing_places
from shared.contracts.placement import ReceiveOffer, RegisterLandlord
from shared.contracts.placement.views import ContactPersonRecord


@dataclass(frozen=True)
class LandlordDetails:
    name: str | None
    contact_person: ContactPersonRecord | None


async def save_landlord(
    conn: AsyncConnection, municipality: str, landlord_id: UUID, request: RegisterLandlord
) -> None:
    contact = request.contact_person
    await conn.execute(
        insert(landlord_details).values(
            landlord_id=landlord_id,
            municipality=municipality,
            name=request.name,
            contact_name=contact.name if contact else None,
            contact_phone=contact.phone if contact else None,
            contact_email=contact.email if contact else None,
            note=request.note,
        )
    )


async def load_landlords(
    conn: AsyncConnection, landlord_ids: Iterable[UUID]
) -> dict[UUID, LandlordDetails]:
    """Names and contact persons by landlord id (missing once erased)."""
    t = landlord_details
    rows = await conn.execute(select(t).where(t.c.landlord_id.in_(list(landlord_ids))))
    return {
        row.landlord_id: LandlordDetails(
            name=row.name,
            contact_person=ContactPersonRecord(
                name=row.contact_name, phone=row.contact_phone, email=row.contact_email
            )
            if row.contact_name
            else None,
        )
        for row in rows
    }


async def save_offer(
    conn: AsyncConnection, municipality: str, offer_id: UUID, request: ReceiveOffer
) -> None:
    await conn.execute(
        insert(offer_details).values(
            offer_id=offer_id,
            municipality=municipality,
            street_address=request.street_address,
            note=request.note,
        )
    )


async def load_offer(conn: AsyncConnection, offer_id: UUID) -> tuple[str | None, str | None]:
    """(street address, note) of an offer."""
    row = (
        await conn.execute(select(offer_details).where(offer_details.c.offer_id == offer_id))
    ).first()
    return (row.street_address, row.note) if row else (None, None)


async def save_viewing_place(
    conn: AsyncConnection,
    municipality: str,
    offer_id: UUID,
    viewing_id: UUID,
    household_id: UUID,
    place: str | None,
) -> None:
    """The viewing's meeting point as scheduled; a retry of the same viewing keeps the first."""
    if not place:
        return
    t = viewing_places
    found = (await conn.execute(select(t.c.viewing_id).where(t.c.viewing_id == viewing_id))).first()
    if found is None:
        await conn.execute(
            insert(t).values(
                viewing_id=viewing_id,
                offer_id=offer_id,
                municipality=municipality,
                household_id=household_id,
                place=place,
            )
        )


async def viewing_places_of(conn: AsyncConnection, offer_id: UUID) -> dict[UUID, str]:
    t = viewing_places
    rows = await conn.execute(select(t.c.viewing_id, t.c.place).where(t.c.offer_id == offer_id))
    return {row.viewing_id: row.place for row in rows}
