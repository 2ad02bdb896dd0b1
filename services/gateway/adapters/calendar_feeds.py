"""Calendar subscriptions: one secret feed URL per person (services/gateway/calendar/).

Only the SHA-256 of the token is stored: a copy of this table opens no feed. The token is
32 random bytes, so no key stretching is needed to make guessing from the hash hopeless.
The row keeps the scope the person had when subscribing (role, municipality, provider),
for people the gateway has no account row of (development identities, bearer tokens);
for an account the feed uses the account as it is now, and a deactivated one opens none.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from services.gateway.adapters.tables import metadata, users
from services.gateway.adapters.users import oidc_accounts
from shared.eventstore.schema import UTCDateTime
from shared.identity import Role

calendar_feeds = sa.Table(
    "calendar_feeds",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    # The pseudonymous id the services know the person by: one feed each.
    sa.Column("user_id", sa.String(120), nullable=False, unique=True),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("municipality", sa.String(64), nullable=False),
    sa.Column("provider", sa.String(64)),
    sa.Column("created_at", UTCDateTime, nullable=False),
)


@dataclass(frozen=True)
class Subscriber:
    user_id: str
    role: Role
    municipality: str
    provider: str | None


@dataclass(frozen=True)
class Subscription:
    created_at: datetime


def new_token() -> str:
    return secrets.token_urlsafe(32)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def subscribe(
    conn: AsyncConnection, subscriber: Subscriber, token: str, at: datetime
) -> None:
    """A new feed for the person; their earlier one stops working."""
    await unsubscribe(conn, subscriber.user_id)
    await conn.execute(
        sa.insert(calendar_feeds).values(
            token_hash=digest(token),
            user_id=subscriber.user_id,
            role=subscriber.role.value,
            municipality=subscriber.municipality,
            provider=subscriber.provider,
            created_at=at,
        )
    )


async def unsubscribe(conn: AsyncConnection, user_id: str) -> bool:
    """Revoke the person's feed; whether there was one."""
    done = await conn.execute(sa.delete(calendar_feeds).where(calendar_feeds.c.user_id == user_id))
    return bool(done.rowcount)


async def subscription_of(conn: AsyncConnection, user_id: str) -> Subscription | None:
    row = (
        await conn.execute(
            sa.select(calendar_feeds.c.created_at).where(calendar_feeds.c.user_id == user_id)
        )
    ).first()
    return None if row is None else Subscription(created_at=row.created_at)


async def subscriber_of(conn: AsyncConnection, token: str) -> Subscriber | None:
    """Whose feed the token opens, with their scope now; None for an unknown or revoked
    token and for a deactivated account."""
    row = (
        await conn.execute(
            sa.select(calendar_feeds).where(calendar_feeds.c.token_hash == digest(token))
        )
    ).first()
    if row is None:
        return None
    account = (await conn.execute(_account_of(row.user_id))).first()
    if account is None:
        return Subscriber(row.user_id, Role(row.role), row.municipality, row.provider)
    if not account.active:
        return None
    return Subscriber(row.user_id, Role(account.role), account.municipality, account.provider)


def _account_of(user_id: str) -> sa.Select[tuple[object, ...]]:
    """The gateway's account behind a service user id: a local account's UUID, or the
    pseudonym of a user of the OpenID provider."""
    query = sa.select(users.c.role, users.c.municipality, users.c.provider, users.c.active)
    try:
        return query.where(users.c.user_id == UUID(user_id))
    except ValueError:
        return query.select_from(
            users.join(oidc_accounts, oidc_accounts.c.user_id == users.c.user_id)
        ).where(oidc_accounts.c.oidc_user_id == user_id)
