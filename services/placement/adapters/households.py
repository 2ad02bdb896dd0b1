"""Queries on placement's read model of households (built from intake's events only).

A household whose processing is restricted (Art. 18 DSGVO) is never among those still
looking: matching leaves it out in both directions, for every role.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import Row, exists, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.placement.adapters.tables import candidate_households, placements
from services.placement.domain.matching import Searcher
from services.placement.domain.offer_commands import Candidate
from shared.contracts.intake import ReadinessResult

_PLACED = exists().where(placements.c.household_id == candidate_households.c.household_id)


async def searcher(
    conn: AsyncConnection, municipality: str, household_id: UUID
) -> Candidate | None:
    """A household of this municipality as the offer's rules see it; None if unknown here."""
    h = candidate_households
    row = (
        await conn.execute(
            select(h, _PLACED.label("placed")).where(
                h.c.municipality == municipality, h.c.household_id == household_id
            )
        )
    ).first()
    if row is None:
        return None
    return Candidate(
        household_id=row.household_id,
        provider=row.provider,
        adults=row.adults,
        minors=row.minors,
        has_wbs=row.has_wbs,
        deregistered=row.deregistered_on is not None,
        placed_elsewhere=bool(row.placed),
        restricted=row.restricted_on is not None,
    )


async def is_restricted(conn: AsyncConnection, municipality: str, household_id: UUID) -> bool:
    """Whether intake restricted the processing of this household (unknown: False)."""
    h = candidate_households
    restricted_on = (
        await conn.execute(
            select(h.c.restricted_on).where(
                h.c.municipality == municipality, h.c.household_id == household_id
            )
        )
    ).scalar_one_or_none()
    return restricted_on is not None


async def restricted_households(conn: AsyncConnection, municipality: str) -> set[UUID]:
    """Every household of the municipality whose processing is restricted (few, if any)."""
    h = candidate_households
    rows = await conn.execute(
        select(h.c.household_id).where(
            h.c.municipality == municipality, h.c.restricted_on.is_not(None)
        )
    )
    return set(rows.scalars())


async def searching(
    conn: AsyncConnection,
    municipality: str,
    *,
    provider: str | None = None,
    household_id: UUID | None = None,
) -> list[Searcher]:
    """Households still looking: registered, not deregistered, not placed, not restricted."""
    h = candidate_households
    statement = (
        select(h)
        .where(
            h.c.municipality == municipality,
            h.c.deregistered_on.is_(None),
            h.c.restricted_on.is_(None),
            ~_PLACED,
        )
        .order_by(h.c.registered_on, h.c.household_id)
    )
    if provider is not None:
        statement = statement.where(h.c.provider == provider)
    if household_id is not None:
        statement = statement.where(h.c.household_id == household_id)
    return [_searcher(row) for row in await conn.execute(statement)]


def _searcher(row: Row[Any]) -> Searcher:
    return Searcher(
        household_id=row.household_id,
        provider=row.provider,
        adults=row.adults,
        minors=row.minors,
        has_wbs=row.has_wbs,
        wbs_valid_until=row.wbs_valid_until,
        readiness=ReadinessResult(row.readiness) if row.readiness else None,
        needs_accessible=row.needs_accessible,
        preferred_districts=tuple(row.preferred_districts or ()),
        registered_on=row.registered_on,
    )
