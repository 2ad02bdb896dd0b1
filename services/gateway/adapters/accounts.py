"""The municipality's accounts for its admin (accounts/): the list, paged in SQL, each
change with its row in `account_changes`, and the end of an account's sessions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from uuid import UUID

import sqlalchemy as sa
from pydantic import Field
from sqlalchemy.ext.asyncio import AsyncConnection

from services.gateway.adapters.sessions import oidc_sessions
from services.gateway.adapters.tables import account_changes, sessions, users
from services.gateway.adapters.users import Account, _account, _accounts
from shared.contracts.paging import PageInfo, PageQuery
from shared.identity import Role

SortKey = Literal["login", "name", "role", "provider"]


class AccountQuery(PageQuery):
    """One page of a municipality's accounts, filtered by role, provider and state."""

    sort: SortKey = "login"
    role: Role | None = None
    provider: str | None = Field(default=None, max_length=64)
    active: bool | None = None


_COLUMNS: dict[str, sa.ColumnElement[object]] = {
    "login": users.c.login,
    # As people read names: "anna" beside "Anna", whatever the database's collation.
    "name": sa.func.lower(sa.func.coalesce(users.c.display_name, users.c.login)),
    "role": users.c.role,
    "provider": sa.func.coalesce(users.c.provider, ""),
}


async def page_of_accounts(
    conn: AsyncConnection, municipality: str, query: AccountQuery
) -> tuple[list[Account], PageInfo]:
    """The page `query` asks for, ordered by its column then the unique login."""
    conditions = [users.c.municipality == municipality]
    if query.role is not None:
        conditions.append(users.c.role == query.role.value)
    if query.provider:
        conditions.append(users.c.provider == query.provider)
    if query.active is not None:
        conditions.append(users.c.active.is_(query.active))
    total = (
        await conn.execute(sa.select(sa.func.count()).select_from(users).where(*conditions))
    ).scalar_one()
    column = _COLUMNS[query.sort]
    order = [column.desc(), users.c.login.desc()] if query.descending else [column, users.c.login]
    rows = await conn.execute(
        _accounts().where(*conditions).order_by(*order).limit(query.per_page).offset(query.offset)
    )
    return [_account(row) for row in rows], query.info(int(total))


async def other_active_admins(conn: AsyncConnection, municipality: str, but: UUID) -> int:
    """How many active admins the municipality has besides `but`. The rows are locked
    (PostgreSQL; SQLite writes one at a time anyway), so two admins who deactivate each
    other at the same moment cannot both pass the last-admin rule."""
    rows = await conn.execute(
        sa.select(users.c.user_id)
        .where(
            users.c.municipality == municipality,
            users.c.role == Role.admin.value,
            users.c.active.is_(True),
            users.c.user_id != but,
        )
        .with_for_update()
    )
    return len(rows.all())


async def record(
    conn: AsyncConnection,
    account: Account,
    what: str,
    value: str | None,
    changed_by: str,
    at: datetime,
) -> None:
    await conn.execute(
        account_changes.insert().values(
            at=at,
            municipality=account.municipality,
            user_id=account.user_id,
            changed_by=changed_by,
            what=what,
            value=value,
        )
    )


async def update_account(conn: AsyncConnection, user_id: UUID, **values: object) -> None:
    await conn.execute(users.update().where(users.c.user_id == user_id).values(**values))


async def end_sessions(conn: AsyncConnection, user_id: UUID) -> None:
    """Every session of the account ends: its cookies sign nobody in from now on."""
    tokens = sa.select(sessions.c.token_hash).where(sessions.c.user_id == user_id)
    # SQLite does not cascade unless asked to; delete the dependent rows first.
    await conn.execute(oidc_sessions.delete().where(oidc_sessions.c.token_hash.in_(tokens)))
    await conn.execute(sessions.delete().where(sessions.c.user_id == user_id))


async def login_taken(conn: AsyncConnection, login: str) -> bool:
    found = await conn.execute(sa.select(users.c.user_id).where(users.c.login == login))
    return found.first() is not None


@dataclass(frozen=True)
class AccountChange:
    at: datetime
    changed_by: str
    what: str
    value: str | None


async def changes_of(conn: AsyncConnection, user_id: UUID, limit: int = 200) -> list[AccountChange]:
    """The account's history, newest first (the last `limit` changes)."""
    rows = await conn.execute(
        sa.select(account_changes)
        .where(account_changes.c.user_id == user_id)
        .order_by(account_changes.c.at.desc(), account_changes.c.change_id.desc())
        .limit(limit)
    )
    return [AccountChange(r.at, r.changed_by, r.what, r.value) for r in rows]
