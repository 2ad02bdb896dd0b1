"""Volunteer's picture of households (from intake's events) and of their placements
(from placement's): the queries the use cases and the placement policy need."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters.tables import household_placements, known_households
from services.volunteer.domain.tandem_commands import KnownHousehold, Placement
from shared.contracts.intake import AccommodationKind


@dataclass(frozen=True)
class HouseholdRow:
    household_id: UUID
    provider: str
    adults: int
    minors: int
    accommodation_kind: AccommodationKind | None
    known: KnownHousehold
    restricted: bool = False


async def household(
    conn: AsyncConnection, municipality: str, household_id: UUID
) -> HouseholdRow | None:
    h = known_households
    row = (
        await conn.execute(
            select(h).where(h.c.municipality == municipality, h.c.household_id == household_id)
        )
    ).first()
    if row is None:
        return None
    return HouseholdRow(
        household_id=row.household_id,
        provider=row.provider,
        adults=row.adults,
        minors=row.minors,
        accommodation_kind=AccommodationKind(row.accommodation_kind)
        if row.accommodation_kind
        else None,
        known=KnownHousehold(row.provider, row.registered_on, row.deregistered_on),
        restricted=row.restricted_on is not None,
    )


async def restricted_among(
    conn: AsyncConnection, municipality: str, household_ids: Iterable[UUID]
) -> set[UUID]:
    """Those of `household_ids` whose processing intake restricted (Art. 18 DSGVO)."""
    wanted = set(household_ids)
    if not wanted:
        return set()
    h = known_households
    rows = await conn.execute(
        select(h.c.household_id).where(
            h.c.municipality == municipality,
            h.c.household_id.in_(wanted),
            h.c.restricted_on.is_not(None),
        )
    )
    return set(rows.scalars())


async def placements(
    conn: AsyncConnection, municipality: str, household_id: UUID
) -> tuple[Placement, ...]:
    p = household_placements
    rows = await conn.execute(
        select(p)
        .where(p.c.municipality == municipality, p.c.household_id == household_id)
        .order_by(p.c.lease_signed_on)
    )
    return tuple(
        Placement(
            placement_event_id=row.placement_event_id,
            offer_id=row.offer_id,
            provider=row.provider,
            adults=row.adults,
            minors=row.minors,
            lease_signed_on=row.lease_signed_on,
        )
        for row in rows
    )
