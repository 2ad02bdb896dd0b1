"""Volunteer's picture of a household's consents (from intake's events): recorded,
withdrawn, and the one in force on a day."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from sqlalchemy import insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters.tables import known_consents
from services.volunteer.domain.tandem_commands import KnownConsent
from shared.contracts.intake import ConsentPurpose


async def given(
    conn: AsyncConnection,
    municipality: str,
    household_id: UUID,
    consent_id: UUID,
    purpose: ConsentPurpose,
    given_on: date,
) -> None:
    """Remember a consent; one seen before stays as it is."""
    t = known_consents
    known = await conn.execute(select(t.c.consent_id).where(t.c.consent_id == consent_id))
    if known.first() is not None:
        return
    await conn.execute(
        insert(t).values(
            consent_id=consent_id,
            municipality=municipality,
            household_id=household_id,
            purpose=purpose.value,
            given_on=given_on,
        )
    )


async def withdrawn(conn: AsyncConnection, consent_id: UUID, withdrawn_on: date) -> None:
    t = known_consents
    await conn.execute(
        update(t).where(t.c.consent_id == consent_id).values(withdrawn_on=withdrawn_on)
    )


async def valid_on(
    conn: AsyncConnection,
    municipality: str,
    household_id: UUID,
    purpose: ConsentPurpose,
    day: date,
) -> KnownConsent | None:
    """The consent for `purpose` in force on `day` (the latest given), if volunteer knows one."""
    t = known_consents
    row = (
        await conn.execute(
            select(t)
            .where(
                t.c.municipality == municipality,
                t.c.household_id == household_id,
                t.c.purpose == purpose.value,
                t.c.given_on <= day,
                or_(t.c.withdrawn_on.is_(None), t.c.withdrawn_on > day),
            )
            .order_by(t.c.given_on.desc())
        )
    ).first()
    return KnownConsent(row.consent_id, row.given_on) if row else None
