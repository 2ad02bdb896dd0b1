"""A household's personal data: written on registration, read for the detail view.

Everything here stays in intake's personal-data tables (see tables.py); events carry
none of it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from uuid import UUID, uuid4

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.intake.adapters.tables import (
    household_consents,
    household_details,
    household_members,
    household_name_keys,
    household_restrictions,
    readiness_notes,
)
from shared.contracts.intake import (
    AgeBand,
    ConsentPurpose,
    Contact,
    Member,
    MemberView,
    RegisterHousehold,
)
from shared.contracts.intake.views import ConsentRecord


def phone_key(phone: str | None) -> str | None:
    """Digits only, in national form, so `+49 221 …` and `0221 …` compare equal."""
    if not phone:
        return None
    digits = re.sub(r"\D", "", phone)
    if phone.strip().startswith("+"):
        digits = "00" + digits
    if digits.startswith("0049"):
        digits = "0" + digits[4:]
    return digits or None


def name_key(name: str | None) -> str | None:
    """Case- and space-insensitive form of a name (`Müller ` equals `MÜLLER`)."""
    return " ".join(name.split()).casefold() if name else None


# Letters that Unicode does not decompose into a base letter and an accent, written as
# people type them on a German keyboard ("Yıldız" is looked for as "yildiz").
PLAIN_LETTERS = str.maketrans(
    {"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ħ": "h", "æ": "ae", "œ": "oe", "þ": "th"}
)


def search_key(text: str | None) -> str | None:
    """How the directory compares names: case, accents and punctuation do not count.

    "ÖZTÜRK", "Öztürk" and "ozturk" give "ozturk"; "Weiß" gives "weiss", "Yıldız" "yildiz";
    "Al-Hassan" gives "al hassan" (each part of a name can be found by its beginning).
    """
    if not text:
        return None
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(PLAIN_LETTERS))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = re.sub(r"[\W_]+", " ", plain).split()
    return " ".join(words) or None


def member_rows(
    household_id: UUID, members: list[Member], first_position: int
) -> list[dict[str, object]]:
    return [
        {
            "member_id": uuid4(),
            "household_id": household_id,
            "position": position,
            "role": member.role.value,
            "age_band": member.age_band.value,
            "given_name": member.given_name,
            "family_name": member.family_name,
            "birth_date": member.birth_date,
            "family_name_key": name_key(member.family_name),
        }
        for position, member in enumerate(members, start=first_position)
    ]


def name_key_rows(members: list[dict[str, object]]) -> list[dict[str, object]]:
    """The directory's keys of the members' names (rows as `member_rows` gives them)."""
    rows: dict[tuple[object, str], dict[str, object]] = {}
    for member in members:
        for name in (member["given_name"], member["family_name"]):
            for word in (search_key(name if isinstance(name, str) else None) or "").split():
                rows[(member["member_id"], word)] = {
                    "member_id": member["member_id"],
                    "household_id": member["household_id"],
                    "key": word,
                }
    return list(rows.values())


async def insert_members(
    conn: AsyncConnection, household_id: UUID, members: list[Member], first_position: int
) -> None:
    """New member rows with the search keys of their names."""
    rows = member_rows(household_id, members, first_position)
    await conn.execute(insert(household_members), rows)
    keys = name_key_rows(rows)
    if keys:
        await conn.execute(insert(household_name_keys), keys)


async def save_registration(
    conn: AsyncConnection,
    municipality: str,
    household_id: UUID,
    request: RegisterHousehold,
    consent_id: UUID | None = None,
) -> None:
    """`consent_id`: the id the registration's `data_processing` consent got in its event."""
    contact = request.contact or Contact()
    await conn.execute(
        insert(household_details).values(
            household_id=household_id,
            municipality=municipality,
            accommodation_site=request.accommodation.site,
            phone=contact.phone,
            email=contact.email,
            note=request.note,
            phone_key=phone_key(contact.phone),
        )
    )
    await insert_members(conn, household_id, request.members, 0)
    if request.consent is not None:
        await conn.execute(
            insert(household_consents).values(
                consent_id=consent_id or uuid4(),
                household_id=household_id,
                purpose_code=ConsentPurpose.data_processing.value,
                **request.consent.model_dump(),
            )
        )


@dataclass
class PersonalData:
    members: list[MemberView] = field(default_factory=list)
    former_members: list[MemberView] = field(default_factory=list)
    contact: Contact | None = None
    note: str | None = None
    site: str | None = None
    consent: ConsentRecord | None = None
    deregistration_note: str | None = None
    readiness_notes: dict[UUID, str] = field(default_factory=dict)
    restriction_note: str | None = None


async def load_personal_data(conn: AsyncConnection, household_id: UUID) -> PersonalData:
    """Everything personal intake knows about a household (empty if nothing)."""
    data = PersonalData()
    for row in await conn.execute(
        select(household_members)
        .where(household_members.c.household_id == household_id)
        .order_by(household_members.c.position)
    ):
        view = MemberView(
            member_id=row.member_id,
            role=row.role,
            age_band=row.age_band,
            minor=AgeBand(row.age_band).minor,
            given_name=row.given_name,
            family_name=row.family_name,
            birth_date=row.birth_date,
            left_on=row.left_on,
        )
        (data.members if row.left_on is None else data.former_members).append(view)
    details = (
        await conn.execute(
            select(household_details).where(household_details.c.household_id == household_id)
        )
    ).first()
    if details is not None:
        if details.phone or details.email:
            data.contact = Contact(phone=details.phone, email=details.email)
        data.note, data.site = details.note, details.accommodation_site
        data.deregistration_note = details.deregistration_note
    consent = (
        await conn.execute(
            select(household_consents)
            .where(
                household_consents.c.household_id == household_id,
                household_consents.c.purpose_code == ConsentPurpose.data_processing.value,
            )
            .order_by(household_consents.c.given_on.desc())
        )
    ).first()
    if consent is not None:
        data.consent = ConsentRecord(
            purpose=consent.purpose,
            given_on=consent.given_on,
            given_by=consent.given_by,
            withdrawn_on=consent.withdrawn_on,
        )
    notes = await conn.execute(
        select(readiness_notes).where(readiness_notes.c.household_id == household_id)
    )
    data.readiness_notes = {row.assessment_id: row.note for row in notes}
    restriction = household_restrictions
    data.restriction_note = (
        await conn.execute(
            select(restriction.c.note).where(restriction.c.household_id == household_id)
        )
    ).scalar_one_or_none()
    return data
