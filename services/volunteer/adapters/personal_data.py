"""Personal data of volunteers and workshop attendees: names, contact data, logins.

Written in the same transaction as the event that introduces the person, read for
staff views and the certificate document. None of it ever goes into an event.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters.consultation_appointments import forget_places_of_volunteer
from services.volunteer.adapters.tables import (
    attendee_details,
    follow_ups,
    volunteer_details,
    volunteer_notes,
)
from shared.casework.documents import Archive
from shared.contracts.followups import SubjectKind
from shared.contracts.volunteer import RecordAttendance, RegisterVolunteer
from shared.decider import RuleViolation
from shared.validation import refuse_taken_id

# Prefix of the login placeholder an erased volunteer's row keeps.
ERASED_LOGIN = "geloescht:"


@dataclass(frozen=True)
class VolunteerDetails:
    volunteer_id: UUID
    provider: str
    user_id: str
    given_name: str | None
    family_name: str | None
    phone: str | None
    email: str | None


@dataclass(frozen=True)
class AttendeeName:
    given_name: str | None
    family_name: str | None
    birth_date: date | None

    @property
    def full(self) -> str:
        return " ".join(p for p in (self.given_name, self.family_name) if p)


async def save_volunteer(
    conn: AsyncConnection, municipality: str, volunteer_id: UUID, request: RegisterVolunteer
) -> None:
    """Store the volunteer's details; a login already taken refuses the whole registration."""
    # Asked first: after a unique violation PostgreSQL answers nothing more in this
    # transaction, and a taken id must not read as a taken login.
    await refuse_taken_id(
        conn, "already_registered", volunteer_details.c.volunteer_id == volunteer_id, volunteer_id
    )
    try:
        await conn.execute(
            insert(volunteer_details).values(
                volunteer_id=volunteer_id,
                municipality=municipality,
                provider=request.provider,
                user_id=request.user_id,
                given_name=request.given_name,
                family_name=request.family_name,
                phone=request.phone,
                email=str(request.email) if request.email else None,
            )
        )
    except IntegrityError as exc:
        # The transaction is lost anyway (PostgreSQL aborts it); the events roll back too.
        raise RuleViolation(
            "user_taken", "Diese Benutzerkennung gehört schon einer/einem Ehrenamtlichen."
        ) from exc


async def erase_volunteer(conn: AsyncConnection, volunteer_id: UUID, documents: Archive) -> int:
    """Blank the volunteer's name, contact data and login, delete staff's notes and
    follow-up texts about them and the documents kept on them (rows and bytes,
    shared/casework/documents.py); how many rows changed.

    The row itself stays, holding ids only, so the volunteer is still listed (as
    „gelöscht“). The login becomes a placeholder nobody can sign in with: the column is
    unique per municipality and required.
    """
    v = volunteer_details
    result = await conn.execute(
        update(v)
        .where(v.c.volunteer_id == volunteer_id)
        .values(
            user_id=f"{ERASED_LOGIN}{volunteer_id}",
            given_name=None,
            family_name=None,
            phone=None,
            email=None,
        )
    )
    changed = result.rowcount or 0
    # Staff's notes and follow-up texts about the volunteer are their personal data too
    # (the follow-ups' events stay, without text).
    deleted = await conn.execute(
        delete(volunteer_notes).where(volunteer_notes.c.volunteer_id == volunteer_id)
    )
    changed += (deleted.rowcount or 0) + await documents.erase(conn, [volunteer_id])
    # Where their tandems' consultations are to take place.
    changed += await forget_places_of_volunteer(conn, volunteer_id)
    deleted = await conn.execute(
        delete(follow_ups).where(
            follow_ups.c.subject_kind == SubjectKind.volunteer.value,
            follow_ups.c.subject_id == volunteer_id,
        )
    )
    return changed + (deleted.rowcount or 0)


async def volunteer_by_user(conn: AsyncConnection, municipality: str, user_id: str) -> UUID | None:
    """The volunteer a signed-in volunteer is; None if the login belongs to nobody here."""
    v = volunteer_details
    found = await conn.execute(
        select(v.c.volunteer_id).where(v.c.municipality == municipality, v.c.user_id == user_id)
    )
    return found.scalar_one_or_none()


async def load_volunteers(
    conn: AsyncConnection,
    municipality: str,
    provider: str | None = None,
    volunteer_id: UUID | None = None,
    ids: Collection[UUID] | None = None,
) -> list[VolunteerDetails]:
    """The details of the municipality's volunteers (of one provider, one id, or `ids`)."""
    v = volunteer_details
    statement = (
        select(v)
        .where(v.c.municipality == municipality)
        .order_by(v.c.family_name, v.c.given_name, v.c.volunteer_id)
    )
    if provider is not None:
        statement = statement.where(v.c.provider == provider)
    if volunteer_id is not None:
        statement = statement.where(v.c.volunteer_id == volunteer_id)
    if ids is not None:
        statement = statement.where(v.c.volunteer_id.in_(list(ids)))
    return [
        VolunteerDetails(
            volunteer_id=row.volunteer_id,
            provider=row.provider,
            user_id=row.user_id,
            given_name=row.given_name,
            family_name=row.family_name,
            phone=row.phone,
            email=row.email,
        )
        for row in await conn.execute(statement)
    ]


async def save_attendee(
    conn: AsyncConnection,
    municipality: str,
    workshop_id: UUID,
    attendee_id: UUID,
    request: RecordAttendance,
) -> None:
    await conn.execute(
        insert(attendee_details).values(
            attendee_id=attendee_id,
            workshop_id=workshop_id,
            municipality=municipality,
            given_name=request.given_name,
            family_name=request.family_name,
            birth_date=request.birth_date,
        )
    )


async def attendee_names(conn: AsyncConnection, workshop_id: UUID) -> dict[UUID, AttendeeName]:
    a = attendee_details
    rows = await conn.execute(select(a).where(a.c.workshop_id == workshop_id))
    return {
        row.attendee_id: AttendeeName(row.given_name, row.family_name, row.birth_date)
        for row in rows
    }
