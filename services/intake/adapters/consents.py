"""Consent details (who consented, their wording) and the tandems a household's data
went to, as intake keeps them in its tables.

`household_consents` is personal data (erased with the household); `tandem_disclosures`
holds ids, codes and days only and is filled from volunteer's events.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.intake.adapters.tables import household_consents, tandem_disclosures
from shared.contracts.intake import ConsentPurpose


@dataclass(frozen=True)
class ConsentDetails:
    consent_id: UUID
    purpose: ConsentPurpose
    wording: str
    given_on: date
    given_by: str
    note: str | None
    withdrawn_on: date | None


async def save_consent(conn: AsyncConnection, household_id: UUID, details: ConsentDetails) -> None:
    await conn.execute(
        insert(household_consents).values(
            consent_id=details.consent_id,
            household_id=household_id,
            purpose_code=details.purpose.value,
            purpose=details.wording,
            given_on=details.given_on,
            given_by=details.given_by,
            note=details.note,
            withdrawn_on=details.withdrawn_on,
        )
    )


async def save_withdrawal(conn: AsyncConnection, consent_id: UUID, withdrawn_on: date) -> None:
    t = household_consents
    await conn.execute(
        update(t).where(t.c.consent_id == consent_id).values(withdrawn_on=withdrawn_on)
    )


async def consent_details(conn: AsyncConnection, household_id: UUID) -> list[ConsentDetails]:
    """Every consent row of the household, oldest first (none once erased)."""
    t = household_consents
    rows = await conn.execute(
        select(t).where(t.c.household_id == household_id).order_by(t.c.given_on)
    )
    return [
        ConsentDetails(
            consent_id=r.consent_id,
            purpose=ConsentPurpose(r.purpose_code),
            wording=r.purpose,
            given_on=r.given_on,
            given_by=r.given_by,
            note=r.note,
            withdrawn_on=r.withdrawn_on,
        )
        for r in rows
    ]


@dataclass(frozen=True)
class TandemDisclosure:
    tandem_id: UUID
    provider: str
    formed_on: date
    consent_id: UUID | None
    ended_on: date | None


async def tandems_of(
    conn: AsyncConnection, municipality: str, household_id: UUID
) -> list[TandemDisclosure]:
    t = tandem_disclosures
    rows = await conn.execute(
        select(t)
        .where(t.c.municipality == municipality, t.c.household_id == household_id)
        .order_by(t.c.formed_on, t.c.tandem_id)
    )
    return [
        TandemDisclosure(r.tandem_id, r.provider, r.formed_on, r.consent_id, r.ended_on)
        for r in rows
    ]
