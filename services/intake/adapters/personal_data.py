"""Intake's personal-data tables: the only place names, birth dates, contacts and notes live.

Keyed by the household id; never copied into events (DESIGN.md, invariant 6), so erasing
a person deletes these rows and leaves the event history and every figure untouched.
"""

from __future__ import annotations

from uuid import UUID, uuid4

from sqlalchemy import (
    Column,
    Date,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Uuid,
    insert,
    select,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.contracts.intake import Contact, Member, RegisterHousehold

INTAKE = MetaData()

household_details = Table(
    "household_details",
    INTAKE,
    Column("household_id", Uuid, primary_key=True),
    Column("municipality", String(64), nullable=False),
    Column("accommodation_site", String(120)),
    Column("phone", String(40)),
    Column("email", String(254)),
    Column("note", Text),
)

household_members = Table(
    "household_members",
    INTAKE,
    Column("member_id", Uuid, primary_key=True),
    Column("household_id", Uuid, nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("role", String(20), nullable=False),
    Column("age_band", String(10), nullable=False),
    Column("given_name", String(100)),
    Column("family_name", String(100)),
    Column("birth_date", Date),
)


async def save_registration(
    conn: AsyncConnection, municipality: str, household_id: UUID, request: RegisterHousehold
) -> None:
    contact = request.contact or Contact()
    await conn.execute(
        insert(household_details).values(
            household_id=household_id,
            municipality=municipality,
            accommodation_site=request.accommodation.site,
            phone=contact.phone,
            email=contact.email,
            note=request.note,
        )
    )
    await conn.execute(
        insert(household_members),
        [
            {
                "member_id": uuid4(),
                "household_id": household_id,
                "position": position,
                "role": member.role.value,
                "age_band": member.age_band.value,
                "given_name": member.given_name,
                "family_name": member.family_name,
                "birth_date": member.birth_date,
            }
            for position, member in enumerate(request.members)
        ],
    )


async def load_personal_data(
    conn: AsyncConnection, household_id: UUID
) -> tuple[list[Member], Contact | None, str | None, str | None]:
    """Members, contact, note and accommodation site of a household."""
    details = (
        await conn.execute(
            select(household_details).where(household_details.c.household_id == household_id)
        )
    ).first()
    members = [
        Member(
            role=row.role,
            age_band=row.age_band,
            given_name=row.given_name,
            family_name=row.family_name,
            birth_date=row.birth_date,
        )
        for row in await conn.execute(
            select(household_members)
            .where(household_members.c.household_id == household_id)
            .order_by(household_members.c.position)
        )
    ]
    if details is None:
        return members, None, None, None
    contact = (
        Contact(phone=details.phone, email=details.email)
        if details.phone or details.email
        else None
    )
    return members, contact, details.note, details.accommodation_site
