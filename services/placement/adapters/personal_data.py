"""Placement's personal data: landlords' names and contact persons, flats' street addresses,
notes. Keyed by id, never copied into events (docs/architecture.md, invariant 6), so erasing them
leaves the event history and every figure untouched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time
from uuid import UUID

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.placement.adapters.tables import landlord_details, offer_details, viewing_appointments
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


@dataclass(frozen=True)
class ViewingAppointment:
    viewing_id: UUID
    offer_id: UUID
    household_id: UUID
    provider: str
    viewing_on: date
    viewing_at: time | None
    attendee: str
    place: str | None


async def save_viewing_appointment(
    conn: AsyncConnection, municipality: str, viewing: ViewingAppointment
) -> None:
    """The scheduled viewing as an appointment; a retry of the same viewing keeps the first."""
    t = viewing_appointments
    found = (
        await conn.execute(select(t.c.viewing_id).where(t.c.viewing_id == viewing.viewing_id))
    ).first()
    if found is None:
        await conn.execute(insert(t).values(municipality=municipality, held=False, **vars(viewing)))


async def viewing_held(conn: AsyncConnection, viewing_id: UUID) -> None:
    """A held viewing is no longer an appointment to go to (its row, with the place, stays
    for the offer's page and the household's export)."""
    t = viewing_appointments
    await conn.execute(update(t).where(t.c.viewing_id == viewing_id).values(held=True))


async def viewing_places_of(conn: AsyncConnection, offer_id: UUID) -> dict[UUID, str]:
    t = viewing_appointments
    rows = await conn.execute(
        select(t.c.viewing_id, t.c.place).where(t.c.offer_id == offer_id, t.c.place.is_not(None))
    )
    return {row.viewing_id: row.place for row in rows}
