"""Sign-in throttling (auth/authenticator.py, adapters/login_attempts.py) against a SQLite
file, with a clock the test moves: attempts are reserved before the password check, waits
grow instead of a lockout, and a flood cannot take every password check."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
import sqlalchemy as sa

from services.gateway.adapters import MIGRATIONS
from services.gateway.adapters.tables import login_throttle
from services.gateway.adapters.users import Account, add_user
from services.gateway.auth.authenticator import Authenticator, SignedIn, Throttled
from services.gateway.auth.passwords import hash_password
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
async def db(tmp_path: Path) -> Database:
    url = f"sqlite+aiosqlite:///{tmp_path}/gateway.db"
    upgrade(MIGRATIONS, url)
    database = Database(url)
    account = Account(
        user_id=uuid4(),
        login="anna",
        password_hash=hash_password(PASSWORD),
        role=Role.caseworker,
        municipality="koeln",
        provider="caritas",
        display_name=None,
    )
    async with database.transaction() as conn:
        await add_user(conn, account, datetime.now(UTC))
    return database


def authenticator(db: Database, clock: Clock, **settings: Any) -> Authenticator:
    return Authenticator(db, GatewaySettings.model_validate(settings), now=clock)


async def attempt(auth: Authenticator, login: str, password: str, ip: str) -> str:
    """'ok', 'wrong' (the password was checked) or 'wait N' (it was not)."""
    try:
        found: SignedIn | None = await auth.sign_in(login, password, ip)
    except Throttled as exc:
        return f"wait {exc.retry_after_seconds}"
    return "ok" if found else "wrong"


async def test_parallel_guesses_are_checked_only_as_often_as_allowed(db: Database) -> None:
    auth = authenticator(db, Clock(), login_concurrent_checks=40, login_queue_seconds=60)
    results = await asyncio.gather(
        *(attempt(auth, "anna", f"falsch-{n}", "10.0.0.1") for n in range(40))
    )
    assert results.count("wrong") == 5
    assert results.count("wait 30") == 35


async def test_waits_grow_per_login_and_address_without_locking_the_user_out_elsewhere(
    db: Database,
) -> None:
    clock = Clock()
    auth = authenticator(db, clock)
    assert [await attempt(auth, "anna", "falsch", "10.0.0.1") for _ in range(6)] == [
        *["wrong"] * 5,
        "wait 30",
    ]
    # The real user at her own desk is not locked out by a guesser elsewhere.
    assert await attempt(auth, "anna", PASSWORD, "10.0.0.2") == "ok"
    # The guesser waits twice as long after each further failure.
    clock.now += timedelta(seconds=29)
    assert await attempt(auth, "anna", PASSWORD, "10.0.0.1") == "wait 1"
    clock.now += timedelta(seconds=1)
    assert await attempt(auth, "anna", "falsch", "10.0.0.1") == "wrong"
    assert await attempt(auth, "anna", "falsch", "10.0.0.1") == "wait 60"
    clock.now += timedelta(seconds=60)
    assert await attempt(auth, "anna", "falsch", "10.0.0.1") == "wrong"
    assert await attempt(auth, "anna", PASSWORD, "10.0.0.1") == "wait 120"
    # After an hour without failures everything is forgotten.
    clock.now += timedelta(minutes=61)
    assert await attempt(auth, "anna", "falsch", "10.0.0.1") == "wrong"
    assert await attempt(auth, "anna", PASSWORD, "10.0.0.1") == "ok"
    # A right password starts its login's count afresh.
    assert [await attempt(auth, "anna", "falsch", "10.0.0.1") for _ in range(5)] == ["wrong"] * 5


async def test_a_parallel_attempt_that_read_the_clock_earlier_is_not_held_up(
    db: Database,
) -> None:
    clock = Clock()
    auth = authenticator(db, clock)
    clock.now += timedelta(milliseconds=5)
    assert await attempt(auth, "eins", "falsch", "10.0.0.7") == "wrong"
    clock.now -= timedelta(milliseconds=5)
    assert await attempt(auth, "zwei", "falsch", "10.0.0.7") == "wrong"


async def test_many_names_from_one_address_make_it_wait_a_minute_at_most(db: Database) -> None:
    clock = Clock()
    auth = authenticator(db, clock, login_concurrent_checks=30, login_queue_seconds=60)
    await asyncio.gather(*(attempt(auth, f"name{n}", "falsch", "10.0.0.9") for n in range(30)))
    assert await attempt(auth, "anna", PASSWORD, "10.0.0.9") == "wait 30"
    clock.now += timedelta(seconds=30)
    assert await attempt(auth, "someone", "falsch", "10.0.0.9") == "wrong"
    assert await attempt(auth, "anna", PASSWORD, "10.0.0.9") == "wait 60"
    clock.now += timedelta(seconds=60)
    assert await attempt(auth, "other", "falsch", "10.0.0.9") == "wrong"
    assert await attempt(auth, "anna", PASSWORD, "10.0.0.9") == "wait 60", "never longer"
    clock.now += timedelta(seconds=60)
    # Her success does not lift the address's wait (a guesser could, with an account of
    # their own); it only does not count as a failure.
    assert await attempt(auth, "anna", PASSWORD, "10.0.0.9") == "ok"
    assert await attempt(auth, "x", "falsch", "10.0.0.9") == "wait 60"


async def test_sign_ins_from_one_office_do_not_add_up(db: Database) -> None:
    auth = authenticator(db, Clock(), login_failures_per_ip=3)
    assert {await attempt(auth, "anna", PASSWORD, "10.0.0.5") for _ in range(5)} == {"ok"}
    assert [await attempt(auth, f"n{n}", "falsch", "10.0.0.5") for n in range(4)] == [
        *["wrong"] * 3,
        "wait 30",
    ]


async def test_guessing_one_login_from_many_addresses_meets_the_ceiling(db: Database) -> None:
    clock = Clock()
    auth = authenticator(db, clock, login_failures_per_login=10)
    for n in range(10):
        assert await attempt(auth, "anna", "falsch", f"10.0.1.{n}") == "wrong"
    assert await attempt(auth, "anna", PASSWORD, "10.0.2.1") == "wait 30"
    clock.now += timedelta(seconds=30)
    assert await attempt(auth, "anna", PASSWORD, "10.0.2.1") == "ok"


async def test_a_flood_beyond_the_password_checks_gets_429_at_once(db: Database) -> None:
    auth = authenticator(db, Clock(), login_concurrent_checks=2, login_queue_seconds=0)
    results = await asyncio.gather(
        *(auth.sign_in(f"name{n}", "falsch", f"10.0.3.{n}") for n in range(12)),
        return_exceptions=True,
    )
    assert results.count(None) == 2, "two checked"
    refused = [r for r in results if isinstance(r, Throttled)]
    assert len(refused) == 10
    assert {(r.retry_after_seconds, r.message) for r in refused} == {
        (1, "Gerade melden sich sehr viele an. Bitte in 1 Sekunden erneut versuchen.")
    }
    # Once the flood is over, slots are free again.
    assert await attempt(auth, "anna", PASSWORD, "10.0.0.1") == "ok"


async def test_forgotten_failures_leave_no_rows_behind(db: Database) -> None:
    clock = Clock()
    auth = authenticator(db, clock)
    for n in range(3):
        assert await attempt(auth, f"name{n}", "falsch", f"10.0.5.{n}") == "wrong"
    clock.now += timedelta(minutes=61)
    assert await attempt(auth, "anna", PASSWORD, "10.0.5.9") == "ok"
    async with db.read() as conn:
        rows = await conn.scalar(sa.select(sa.func.count()).select_from(login_throttle))
    assert rows == 1, "only the address of the last sign-in is still counted"
