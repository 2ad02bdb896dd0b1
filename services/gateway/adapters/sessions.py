"""Server-side sessions: the cookie holds a random token, the table its HMAC.

A session ends at `expires_at` (absolute) or after `idle` without a request, whichever
comes first; signing out deletes the row, so a copied cookie is dead at once.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from services.gateway.adapters.tables import metadata, sessions

# The ID token of a session begun at the OpenID provider: signing out hands it back as
# `id_token_hint`, so the provider ends its own session without asking again.
oidc_sessions = sa.Table(
    "oidc_sessions",
    metadata,
    sa.Column(
        "token_hash",
        sa.String(64),
        sa.ForeignKey("sessions.token_hash", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("id_token", sa.Text, nullable=False),
)


class SessionTokens:
    """Makes tokens and the keyed hashes stored for them."""

    def __init__(self, secret: str) -> None:
        self._key = secret.encode()

    def new(self) -> str:
        return secrets.token_urlsafe(32)

    def digest(self, token: str) -> str:
        return hmac.new(self._key, token.encode(), hashlib.sha256).hexdigest()


async def open_session(
    conn: AsyncConnection, token_hash: str, user_id: UUID, now: datetime, lifetime: timedelta
) -> None:
    await conn.execute(
        sessions.insert().values(
            token_hash=token_hash,
            user_id=user_id,
            created_at=now,
            last_seen_at=now,
            expires_at=now + lifetime,
        )
    )


async def keep_id_token(conn: AsyncConnection, token_hash: str, id_token: str) -> None:
    await conn.execute(oidc_sessions.insert().values(token_hash=token_hash, id_token=id_token))


async def id_token_of(conn: AsyncConnection, token_hash: str) -> str | None:
    """The ID token of a session begun at the OpenID provider, else None."""
    query = sa.select(oidc_sessions.c.id_token).where(oidc_sessions.c.token_hash == token_hash)
    found = (await conn.execute(query)).scalar_one_or_none()
    return str(found) if found is not None else None


@dataclass(frozen=True)
class SessionRow:
    user_id: UUID
    last_seen_at: datetime
    expires_at: datetime


async def find_session(conn: AsyncConnection, token_hash: str) -> SessionRow | None:
    row = (
        await conn.execute(sa.select(sessions).where(sessions.c.token_hash == token_hash))
    ).first()
    if row is None:
        return None
    m = row._mapping
    return SessionRow(m["user_id"], m["last_seen_at"], m["expires_at"])


async def touch_session(conn: AsyncConnection, token_hash: str, now: datetime) -> None:
    await conn.execute(
        sessions.update().where(sessions.c.token_hash == token_hash).values(last_seen_at=now)
    )


async def close_session(conn: AsyncConnection, token_hash: str) -> None:
    # SQLite does not cascade unless asked to; delete the dependent row first.
    await conn.execute(oidc_sessions.delete().where(oidc_sessions.c.token_hash == token_hash))
    await conn.execute(sessions.delete().where(sessions.c.token_hash == token_hash))
