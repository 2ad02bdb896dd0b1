"""Staff accounts in the gateway's `users` table, and the logins of OpenID Connect users.

Services know a person only by a pseudonymous user id (auth/pseudonyms.py); the logins
that belong to those ids stay here, for the gateway's own displays and lookups.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from services.gateway.adapters.tables import metadata, users
from shared.identity import Role

# Who an `oidc:` user id is, as far as the gateway has seen: recorded at the user's first
# request with a token (and when the identity provider renames them).
oidc_logins = sa.Table(
    "oidc_logins",
    metadata,
    sa.Column("user_id", sa.String(120), primary_key=True),
    sa.Column("login", sa.String(120), nullable=False, index=True),
    sa.Column("municipality", sa.String(64), nullable=False),
    sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
)

# A users row made for someone who signs in through the OpenID provider in the browser
# (sessions need one); `oidc_user_id` is the pseudonym the services know them by.
oidc_accounts = sa.Table(
    "oidc_accounts",
    metadata,
    sa.Column("user_id", sa.Uuid, sa.ForeignKey("users.user_id"), primary_key=True),
    sa.Column("oidc_user_id", sa.String(120), nullable=False, unique=True),
)


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
    # Set for users of the OpenID provider: no password, and known to the services by it.
    oidc_user_id: str | None = None
    # Where notifications go (mail/); `digest`: the daily overview is wanted.
    email: str | None = None
    digest: bool = True
    # The password is a one-time password an admin passed on: to be replaced first.
    password_change_due: bool = False

    @property
    def service_user_id(self) -> str:
        """The pseudonymous id services (and events) know this person by."""
        return self.oidc_user_id or str(self.user_id)


def _account(row: sa.Row[tuple[object, ...]]) -> Account:
    m = row._mapping
    oidc_user_id = m.get("oidc_user_id")
    return Account(
        user_id=m["user_id"],
        # An OIDC user's row is keyed by its pseudonym; the provider's login is shown.
        login=(m["display_name"] or m["login"]) if oidc_user_id else m["login"],
        password_hash=m["password_hash"],
        role=Role(m["role"]),
        municipality=m["municipality"],
        provider=m["provider"],
        display_name=m["display_name"],
        active=bool(m["active"]),
        oidc_user_id=oidc_user_id,
        email=m.get("email"),
        digest=bool(m.get("digest", True)),
        password_change_due=bool(m.get("password_change_due", False)),
    )


def _accounts() -> sa.Select[tuple[object, ...]]:
    return sa.select(users, oidc_accounts.c.oidc_user_id).select_from(
        users.outerjoin(oidc_accounts, oidc_accounts.c.user_id == users.c.user_id)
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
            email=account.email,
            digest=account.digest,
            password_change_due=account.password_change_due,
        )
    )


async def find_by_login(conn: AsyncConnection, login: str) -> Account | None:
    row = (await conn.execute(_accounts().where(users.c.login == login))).first()
    return _account(row) if row else None


async def find_by_id(conn: AsyncConnection, user_id: UUID) -> Account | None:
    row = (await conn.execute(_accounts().where(users.c.user_id == user_id))).first()
    return _account(row) if row else None


async def set_password_hash(conn: AsyncConnection, user_id: UUID, password_hash: str) -> None:
    await conn.execute(
        users.update().where(users.c.user_id == user_id).values(password_hash=password_hash)
    )


async def set_active(conn: AsyncConnection, login: str, active: bool) -> bool:
    result = await conn.execute(users.update().where(users.c.login == login).values(active=active))
    return bool(result.rowcount)


async def remember_oidc_login(
    conn: AsyncConnection, user_id: str, login: str, municipality: str, at: datetime
) -> None:
    """Note (or update) which login an OpenID Connect user id belongs to."""
    found = (
        await conn.execute(
            sa.select(oidc_logins.c.login, oidc_logins.c.municipality).where(
                oidc_logins.c.user_id == user_id
            )
        )
    ).first()
    values = {"login": login, "municipality": municipality, "seen_at": at}
    if found is None:
        await conn.execute(oidc_logins.insert().values(user_id=user_id, **values))
    elif tuple(found) != (login, municipality):
        await conn.execute(
            oidc_logins.update().where(oidc_logins.c.user_id == user_id).values(**values)
        )


async def user_id_for_login(conn: AsyncConnection, municipality: str, login: str) -> str | None:
    """The user id services know the active account (or OIDC user) with this login by."""
    login = login.strip().lower()
    account = await find_by_login(conn, login)
    if account is not None and account.active and account.municipality == municipality:
        return account.service_user_id
    row = (
        await conn.execute(
            sa.select(oidc_logins.c.user_id).where(
                sa.func.lower(oidc_logins.c.login) == login,
                oidc_logins.c.municipality == municipality,
            )
        )
    ).first()
    return str(row[0]) if row else None


async def logins_of(conn: AsyncConnection, user_ids: set[str]) -> dict[str, str]:
    """Login by user id, for those ids that are accounts or known OIDC users."""
    uuids = {}
    for user_id in user_ids:
        try:
            uuids[UUID(user_id)] = user_id
        except ValueError:
            continue
    found: dict[str, str] = {}
    if uuids:
        rows = await conn.execute(
            sa.select(users.c.user_id, users.c.login).where(users.c.user_id.in_(list(uuids)))
        )
        found.update({uuids[row.user_id]: row.login for row in rows})
    oidc = [u for u in user_ids if u not in found]
    if oidc:
        rows = await conn.execute(
            sa.select(oidc_logins.c.user_id, oidc_logins.c.login).where(
                oidc_logins.c.user_id.in_(oidc)
            )
        )
        found.update({row.user_id: row.login for row in rows})
    return found


async def upsert_oidc_account(conn: AsyncConnection, account: Account, at: datetime) -> Account:
    """The users row of an OIDC user: made on first sign-in, role and scope refreshed from
    the token every time; a row an admin deactivated stays deactivated."""
    assert account.oidc_user_id is not None
    found = (
        await conn.execute(_accounts().where(oidc_accounts.c.oidc_user_id == account.oidc_user_id))
    ).first()
    values = {
        "role": account.role.value,
        "municipality": account.municipality,
        "provider": account.provider,
        "display_name": account.display_name,
    }
    if found is None:
        await add_user(conn, account, at)
        await conn.execute(
            oidc_accounts.insert().values(
                user_id=account.user_id, oidc_user_id=account.oidc_user_id
            )
        )
        return account
    existing = _account(found)
    await conn.execute(users.update().where(users.c.user_id == existing.user_id).values(**values))
    return replace(account, user_id=existing.user_id, active=existing.active)


def staff_name(account: Account) -> str:
    """How a colleague is named in lists and choices: the display name, else the login."""
    return account.display_name or account.login


async def assignable_staff(
    conn: AsyncConnection, municipality: str, provider: str | None
) -> list[Account]:
    """Who may be responsible for a household of `provider`: its active caseworkers and
    the municipality's active coordinators, by name (`provider` None: the coordinators
    only, as for an inquiry of the central inbox)."""
    coordinators = users.c.role == Role.coordinator.value
    rows = await conn.execute(
        _accounts().where(
            users.c.municipality == municipality,
            users.c.active.is_(True),
            coordinators
            if provider is None
            else sa.or_(
                sa.and_(users.c.role == Role.caseworker.value, users.c.provider == provider),
                coordinators,
            ),
        )
    )
    return sorted((_account(row) for row in rows), key=lambda a: staff_name(a).casefold())


async def staff_names(conn: AsyncConnection, user_ids: set[str]) -> dict[str, str]:
    """Name per pseudonymous user id (as services and events know staff), for the ids the
    gateway knows; an id it does not know stays unnamed (the page says "unbekannt")."""
    wanted = {u for u in user_ids if u}
    if not wanted:
        return {}
    uuids: dict[UUID, str] = {}
    for user_id in wanted:
        try:
            uuids[UUID(user_id)] = user_id
        except ValueError:
            continue
    found: dict[str, str] = {}
    accounts = _accounts().where(
        sa.or_(
            users.c.user_id.in_(list(uuids)),
            oidc_accounts.c.oidc_user_id.in_(list(wanted)),
        )
    )
    for row in await conn.execute(accounts):
        account = _account(row)
        if account.service_user_id in wanted:
            found[account.service_user_id] = staff_name(account)
    missing = wanted - set(found)
    if missing:
        found.update(await logins_of(conn, missing))
    return found


async def find_by_service_id(conn: AsyncConnection, service_user_id: str) -> Account | None:
    """The account the services know by this pseudonymous id (a UUID, or an OIDC user's
    pseudonym); None for an id no account has (e.g. a development identity)."""
    by_oidc = oidc_accounts.c.oidc_user_id == service_user_id
    try:
        condition = sa.or_(users.c.user_id == UUID(service_user_id), by_oidc)
    except ValueError:
        condition = by_oidc
    row = (await conn.execute(_accounts().where(condition))).first()
    return _account(row) if row else None


async def set_mail_settings(
    conn: AsyncConnection, user_id: UUID, email: str | None, digest: bool
) -> None:
    """The person's own address (None: no mail at all) and whether the digest comes."""
    await conn.execute(
        users.update().where(users.c.user_id == user_id).values(email=email, digest=digest)
    )


async def digest_recipients(conn: AsyncConnection) -> list[Account]:
    """Active accounts with an address that want the daily overview."""
    rows = await conn.execute(
        _accounts()
        .where(users.c.active.is_(True), users.c.email.is_not(None), users.c.digest.is_(True))
        .order_by(users.c.user_id)
    )
    return [_account(row) for row in rows]
