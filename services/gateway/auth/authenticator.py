"""Sign-in, sessions and sign-out against the gateway's own database."""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from services.gateway.adapters import login_attempts, sessions, users
from services.gateway.adapters.users import Account
from services.gateway.auth.passwords import hash_password, needs_rehash, verify_password
from services.gateway.settings import GatewaySettings
from shared.db import Database


class Throttled(Exception):
    """No password check now: answer 429 and say when to try again."""

    def __init__(self, retry_after_seconds: int, message: str | None = None) -> None:
        self.retry_after_seconds = max(1, retry_after_seconds)
        self.message = message or (
            "Zu viele fehlgeschlagene Anmeldungen. "
            f"Bitte in {self.retry_after_seconds} Sekunden erneut versuchen."
        )
        super().__init__(self.message)


@dataclass(frozen=True)
class SignedIn:
    token: str
    account: Account


# Noting every request's time would turn each read into a write; a minute is precise enough.
_TOUCH_AFTER = timedelta(minutes=1)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class Authenticator:
    """Checks passwords (Argon2id), throttles guessing and keeps server-side sessions.

    Throttling follows OWASP's authentication cheat sheet: failures are counted per login
    name from one address (a guesser there gets 5 free tries), per login name from
    anywhere (a generous ceiling of 100, NIST SP 800-63B's maximum, against guessing
    from many addresses) and per address (many names from one place); past the free
    ones each further attempt in that scope waits twice as long as the last, instead of
    a hard lockout. So five wrong passwords from one place do not lock the real user out
    elsewhere, and the people behind one shared address wait a minute at most.
    """

    def __init__(
        self, db: Database, settings: GatewaySettings, now: Callable[[], datetime] = _utcnow
    ) -> None:
        self.db = db
        self.settings = settings
        self.tokens = sessions.SessionTokens(settings.secret_key)
        self.lifetime = timedelta(hours=settings.session_hours)
        self.idle = timedelta(minutes=settings.session_idle_minutes)
        self.forget = timedelta(minutes=settings.login_forget_minutes)
        # Argon2 runs in threads: a flood of sign-ins must not take them all.
        self.checks = asyncio.Semaphore(settings.login_concurrent_checks)
        self.now = now

    def scopes(self, login: str, client_ip: str) -> list[login_attempts.Scope]:
        s = self.settings
        first = timedelta(seconds=s.login_backoff_seconds)
        longest = timedelta(seconds=s.login_backoff_max_seconds)
        ip_longest = timedelta(seconds=s.login_backoff_max_seconds_per_ip)
        return [
            login_attempts.Scope(
                f"login+ip:{login}\n{client_ip}", s.login_failures_per_login_and_ip, first, longest
            ),
            login_attempts.Scope(f"login:{login}", s.login_failures_per_login, first, longest),
            login_attempts.Scope(
                f"ip:{client_ip}", s.login_failures_per_ip, min(first, ip_longest), ip_longest
            ),
        ]

    async def sign_in(self, login: str, password: str, client_ip: str) -> SignedIn | None:
        """A new session for the right password; None for a wrong one or unknown login.

        Raises Throttled before checking the password while a scope must still wait (so a
        guesser learns nothing more, right password or not), and when no password check
        slot frees within `login_queue_seconds`.
        """
        login = login.strip().lower()
        queue = self.settings.login_queue_seconds
        try:
            async with asyncio.timeout(queue):
                await self.checks.acquire()
        except TimeoutError:
            message = "Gerade melden sich sehr viele an. Bitte in {} Sekunden erneut versuchen."
            wait = max(1, math.ceil(queue))
            raise Throttled(wait, message.format(wait)) from None
        try:
            return await self._sign_in(login, password, client_ip)
        finally:
            self.checks.release()

    async def _sign_in(self, login: str, password: str, client_ip: str) -> SignedIn | None:
        now = self.now()
        scopes = self.scopes(login, client_ip)
        async with self.db.transaction() as conn:
            wait = await login_attempts.reserve(conn, scopes, now, now - self.forget)
            if wait is not None:
                raise Throttled(math.ceil(wait.total_seconds()))
            account = await users.find_by_login(conn, login)
        known = account.password_hash if account and account.active else None
        # Argon2 is deliberately slow (tens of ms): keep the event loop free meanwhile.
        ok = await asyncio.to_thread(verify_password, known, password)
        if not ok or account is None:
            return None
        async with self.db.transaction() as conn:
            # Not the address: an attacker must not clear it with an account of their own.
            await login_attempts.settle_success(conn, scopes[:2], scopes[2])
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
