"""The record of who read which personal data when (DSGVO Art. 5(2): accountability)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from services.gateway.adapters.tables import access_log
from services.gateway.adapters.users import logins_of


@dataclass(frozen=True)
class Access:
    """One read. `user_id` is the pseudonymous id the services saw (accesses_of shows the
    login instead, where the gateway knows it)."""

    at: datetime
    municipality: str
    user_id: str
    role: str
    subject: str
    subject_id: UUID
    route: str
    correlation_id: UUID


async def record_access(conn: AsyncConnection, access: Access) -> None:
    await conn.execute(access_log.insert().values(**access.__dict__))


async def accesses_of(
    conn: AsyncConnection, municipality: str, subject: str, subject_id: UUID, limit: int = 500
) -> list[Access]:
    """Newest first; only the municipality's own entries (another tenant's id finds none).

    Each entry names its reader by login where the gateway knows one (a coordinator
    recognises "m.muster", not an account UUID); entries written before user ids became
    pseudonymous hold the login already.
    """
    rows = await conn.execute(
        sa.select(access_log)
        .where(
            access_log.c.municipality == municipality,
            access_log.c.subject == subject,
            access_log.c.subject_id == subject_id,
        )
        .order_by(access_log.c.at.desc(), access_log.c.entry_id.desc())
        .limit(limit)
    )
    found = [Access(**{k: v for k, v in row._mapping.items() if k != "entry_id"}) for row in rows]
    logins = await logins_of(conn, {a.user_id for a in found})
    return [replace(a, user_id=logins.get(a.user_id, a.user_id)) for a in found]


async def access_page(
    conn: AsyncConnection,
    municipality: str,
    subject: str,
    subject_id: UUID,
    *,
    offset: int,
    limit: int,
) -> tuple[list[Access], int]:
    """One page of the reads of a subject, newest first, and how many there are in all.
    `user_id` stays the pseudonym: the page names the reader (users.staff_names)."""
    scope = (
        access_log.c.municipality == municipality,
        access_log.c.subject == subject,
        access_log.c.subject_id == subject_id,
    )
    rows = await conn.execute(
        sa.select(access_log)
        .where(*scope)
        .order_by(access_log.c.at.desc(), access_log.c.entry_id.desc())
        .limit(limit)
        .offset(offset)
    )
    found = [Access(**{k: v for k, v in row._mapping.items() if k != "entry_id"}) for row in rows]
    total = (await conn.execute(sa.select(sa.func.count()).where(*scope))).scalar_one()
    return found, total
