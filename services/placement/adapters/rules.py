"""A municipality's placement rules: Jobcenter guideline values (the days
after which a proposal or guarantee is chased are reporting's follow-up rules).

A municipality without its own row in `placement_rules` gets the defaults row (`*`);
without guideline values the rent check says "unknown" rather than guessing.
"""

from __future__ import annotations

from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.placement.adapters.tables import DEFAULT_RULES, placement_rules, rent_limits
from services.placement.domain.matching import RentLimits
from shared.contracts.placement import PlacementRules, RentLimit


async def load_rules(conn: AsyncConnection, municipality: str) -> PlacementRules:
    r = placement_rules
    rows = {
        row.municipality: row
        for row in await conn.execute(
            select(r).where(r.c.municipality.in_([municipality, DEFAULT_RULES]))
        )
    }
    own = rows.get(municipality) or rows[DEFAULT_RULES]
    limits = await conn.execute(
        select(rent_limits)
        .where(rent_limits.c.municipality == municipality)
        .order_by(rent_limits.c.persons)
    )
    return PlacementRules(
        rent_limits=[
            RentLimit(
                persons=row.persons,
                max_gross_cold_rent=row.max_gross_cold_rent,
                max_size_m2=row.max_size_m2,
            )
            for row in limits
        ],
        extra_person_rent=own.extra_person_rent,
        extra_person_m2=own.extra_person_m2,
    )


async def save_rules(conn: AsyncConnection, municipality: str, rules: PlacementRules) -> None:
    """Replace the municipality's rules as a whole."""
    await conn.execute(
        delete(placement_rules).where(placement_rules.c.municipality == municipality)
    )
    await conn.execute(
        insert(placement_rules).values(
            municipality=municipality,
            extra_person_rent=rules.extra_person_rent,
            extra_person_m2=rules.extra_person_m2,
        )
    )
    await conn.execute(delete(rent_limits).where(rent_limits.c.municipality == municipality))
    if rules.rent_limits:
        await conn.execute(
            insert(rent_limits),
            [
                {
                    "municipality": municipality,
                    "persons": limit.persons,
                    "max_gross_cold_rent": limit.max_gross_cold_rent,
                    "max_size_m2": limit.max_size_m2,
                }
                for limit in rules.rent_limits
            ],
        )


def rent_limits_of(rules: PlacementRules) -> RentLimits:
    return RentLimits(
        by_persons={
            limit.persons: (limit.max_gross_cold_rent, limit.max_size_m2)
            for limit in rules.rent_limits
        },
        extra_person_rent=rules.extra_person_rent,
        extra_person_m2=rules.extra_person_m2,
    )
