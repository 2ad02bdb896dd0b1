"""Sign-in, sessions and sign-out against the gateway's own database."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from services.gateway.adapters import login_attempts, sessions, users
from services.gateway.adapters.users import Account
from services.gateway.auth.passwords import hash_password, needs_rehash, verify_password
from services.gateway.settings import GatewaySettings
from shared.db import Database


class Throttled(Exception):
    """Too many failed sign-ins: answer 429 and say when to try again."""

    def __init__(self, retry_after_seconds: int) -> None:
        super().__init__("Zu viele fehlgeschlagene Anmeldungen.")
        self.retry_after_seconds = retry_after_seconds


@dataclass(frozen=True)
class SignedIn:
    token: str
    account: Account


# Noting every request's time would turn each read into a write; a minute is precise enough.
_TOUCH_AFTER = timedelta(minutes=1)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class Authenticator:
    """Checks passwords (Argon2id), throttles guessing and keeps server-side sessions."""

    def __init__(
        self, db: Database, settings: GatewaySettings, now: Callable[[], datetime] = _utcnow
    ) -> None:
        self.db = db
        self.tokens = sessions.SessionTokens(settings.secret_key)
        self.lifetime = timedelta(hours=settings.session_hours)
        self.idle = timedelta(minutes=settings.session_idle_minutes)
        self.window = timedelta(minutes=settings.login_window_minutes)
        self.per_login = settings.login_failures_per_login
        self.per_ip = settings.login_failures_per_ip
        self.now = now

    async def sign_in(self, login: str, password: str, client_ip: str) -> SignedIn | None:
        """A new session for the right password; None for a wrong one or unknown login.

        Raises Throttled before even checking the password once the limit is reached, so
        a guesser learns nothing more, right password or not.
        """
        login = login.strip().lower()
        now = self.now()
        async with self.db.transaction() as conn:
            by_login, by_ip = await login_attempts.recent_failures(
                conn, login, client_ip, now - self.window
            )
            if by_login >= self.per_login or by_ip >= self.per_ip:
                raise Throttled(int(self.window.total_seconds()))
            account = await users.find_by_login(conn, login)
        known = account.password_hash if account and account.active else None
        # Argon2 is deliberately slow (tens of ms): keep the event loop free meanwhile.
        ok = await asyncio.to_thread(verify_password, known, password)
        async with self.db.transaction() as conn:
            await login_attempts.record_attempt(conn, login, client_ip, ok, now)
            await login_attempts.forget_before(conn, now - 2 * self.window)
            if not ok or account is None:
                return None
            if needs_rehash(account.password_hash):
                new_hash = await asyncio.to_thread(hash_password, password)
                await users.set_password_hash(conn, account.user_id, new_hash)
            token = self.tokens.new()
            await sessions.open_session(
                conn, self.tokens.digest(token), account.user_id, now, self.lifetime
            )
        return SignedIn(token=token, account=account)

    async def account_for(self, token: str) -> Account | None:
        """The active account behind a live session token, else None."""
        digest = self.tokens.digest(token)
        now = self.now()
        # A read transaction first: on SQLite a write lock per request would queue them all.
        async with self.db.read() as conn:
            found = await sessions.find_session(conn, digest)
            account = await users.find_by_id(conn, found.user_id) if found else None
        if found is None:
            return None
        alive = now < found.expires_at and now - found.last_seen_at < self.idle
        if not alive or account is None or not account.active:
            await self.sign_out(token)
            return None
        if now - found.last_seen_at >= _TOUCH_AFTER:
            async with self.db.transaction() as conn:
                await sessions.touch_session(conn, digest, now)
        return account

    async def sign_out(self, token: str) -> None:
        async with self.db.transaction() as conn:
            await sessions.close_session(conn, self.tokens.digest(token))
