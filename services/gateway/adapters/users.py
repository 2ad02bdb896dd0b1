"""Staff accounts in the gateway's `users` table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from services.gateway.adapters.tables import users
from shared.identity import Role


@dataclass(frozen=True)
class Account:
    """One member of staff: role and scope (municipality, for caseworkers their provider)."""

    user_id: UUID
    login: str
    password_hash: str
    role: Role
    municipality: str
    provider: str | None
    display_name: str | None
    active: bool = True


def _account(row: sa.Row[tuple[object, ...]]) -> Account:
    m = row._mapping
    return Account(
        user_id=m["user_id"],
        login=m["login"],
        password_hash=m["password_hash"],
        role=Role(m["role"]),
        municipality=m["municipality"],
        provider=m["provider"],
        display_name=m["display_name"],
        active=bool(m["active"]),
    )


async def add_user(conn: AsyncConnection, account: Account, at: datetime) -> None:
    await conn.execute(
        users.insert().values(
            user_id=account.user_id,
            login=account.login,
            password_hash=account.password_hash,
            role=account.role.value,
            municipality=account.municipality,
            provider=account.provider,
            display_name=account.display_name,
            active=account.active,
            created_at=at,
        )
    )


async def find_by_login(conn: AsyncConnection, login: str) -> Account | None:
    row = (await conn.execute(sa.select(users).where(users.c.login == login))).first()
    return _account(row) if row else None


async def find_by_id(conn: AsyncConnection, user_id: UUID) -> Account | None:
    row = (await conn.execute(sa.select(users).where(users.c.user_id == user_id))).first()
    return _account(row) if row else None


async def set_password_hash(conn: AsyncConnection, user_id: UUID, password_hash: str) -> None:
    await conn.execute(
        users.update().where(users.c.user_id == user_id).values(password_hash=password_hash)
    )


async def set_active(conn: AsyncConnection, login: str, active: bool) -> bool:
    result = await conn.execute(users.update().where(users.c.login == login).values(active=active))
    return bool(result.rowcount)
