"""Sign-in, sessions and throttling of the gateway against a SQLite file, with a clock
the test moves."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import uuid4

import pytest

from services.gateway.adapters import MIGRATIONS
from services.gateway.adapters.users import Account, add_user
from services.gateway.auth.authenticator import Authenticator, Throttled
from services.gateway.auth.passwords import hash_password, verify_password
from services.gateway.settings import GatewaySettings
from shared.db import Database
from shared.identity import Role
from shared.migrations import upgrade

PASSWORD = "ein-langes-Passwort-1"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
async def auth(tmp_path: Path) -> tuple[Authenticator, Clock]:
    url = f"sqlite+aiosqlite:///{tmp_path}/gateway.db"
    upgrade(MIGRATIONS, url)
    db = Database(url)
    clock = Clock()
    account = Account(
        user_id=uuid4(),
        login="anna",
        password_hash=hash_password(PASSWORD),
        role=Role.caseworker,
        municipality="koeln",
        provider="caritas",
        display_name=None,
    )
    async with db.transaction() as conn:
        await add_user(conn, account, clock())
    return Authenticator(db, GatewaySettings(), now=clock), clock


def test_a_password_matches_only_its_own_hash() -> None:
    stored = hash_password(PASSWORD)
    assert stored.startswith("$argon2id$")
    assert verify_password(stored, PASSWORD)
    assert not verify_password(stored, PASSWORD + "x")
    assert not verify_password(None, PASSWORD)


async def test_the_right_password_opens_a_session_that_names_the_account(
    auth: tuple[Authenticator, Clock],
) -> None:
    authenticator, _ = auth
    assert await authenticator.sign_in("anna", "falsch", "10.0.0.1") is None
    signed_in = await authenticator.sign_in(" Anna ", PASSWORD, "10.0.0.1")
    assert signed_in is not None
    account = await authenticator.account_for(signed_in.token)
    assert account is not None and (account.role, account.provider) == (Role.caseworker, "caritas")
    assert await authenticator.account_for(signed_in.token + "x") is None


async def test_a_session_ends_when_idle_and_at_its_end_whatever_happens(
    auth: tuple[Authenticator, Clock],
) -> None:
    authenticator, clock = auth
    first = await authenticator.sign_in("anna", PASSWORD, "10.0.0.1")
    assert first is not None
    clock.now += timedelta(minutes=59)
    assert await authenticator.account_for(first.token) is not None
    clock.now += timedelta(minutes=59)
    assert await authenticator.account_for(first.token) is not None, "each use extends it"
    clock.now += timedelta(minutes=61)
    assert await authenticator.account_for(first.token) is None, "idle for over an hour"

    busy = await authenticator.sign_in("anna", PASSWORD, "10.0.0.1")
    assert busy is not None
    for _ in range(10):
        clock.now += timedelta(minutes=59)
        assert await authenticator.account_for(busy.token) is not None
    clock.now += timedelta(minutes=11)
    assert await authenticator.account_for(busy.token) is None, "ten hours at most"


async def test_sign_out_ends_the_session(auth: tuple[Authenticator, Clock]) -> None:
    authenticator, _ = auth
    signed_in = await authenticator.sign_in("anna", PASSWORD, "10.0.0.1")
    assert signed_in is not None
    await authenticator.sign_out(signed_in.token)
    assert await authenticator.account_for(signed_in.token) is None


async def test_guessing_is_throttled_per_login_and_per_address_then_forgiven(
    auth: tuple[Authenticator, Clock],
) -> None:
    # The whole set of rules: tests/unit/test_gateway_edge_throttle.py.
    authenticator, clock = auth
    for _ in range(5):
        assert await authenticator.sign_in("anna", "falsch", "10.0.0.1") is None
    with pytest.raises(Throttled):
        await authenticator.sign_in("anna", PASSWORD, "10.0.0.1")
    for n in range(30):
        await authenticator.sign_in(f"name{n}", "falsch", "10.0.0.9")
    with pytest.raises(Throttled):
        await authenticator.sign_in("someone", "falsch", "10.0.0.9")
    clock.now += timedelta(minutes=16)
    assert await authenticator.sign_in("anna", PASSWORD, "10.0.0.1") is not None
