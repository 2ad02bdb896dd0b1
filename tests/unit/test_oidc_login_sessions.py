"""An OIDC user's users row and session in the gateway's database (SQLite file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.gateway.adapters import MIGRATIONS, users
from services.gateway.auth.authenticator import Authenticator
from services.gateway.auth.oidc import BearerIdentity
from services.gateway.auth.oidc_login import SignInFailed
from services.gateway.auth.oidc_sessions import close_returning_id_token, open_oidc_session
from services.gateway.settings import GatewaySettings
from shared.db import Database
from shared.identity import Role
from shared.migrations import upgrade

PSEUDONYM = "oidc:" + "ab" * 32
KORA = BearerIdentity(PSEUDONYM, "k.stadt", Role.coordinator, "koeln", None)


@pytest.fixture
def authenticator(tmp_path: Path) -> Authenticator:
    url = f"sqlite+aiosqlite:///{tmp_path}/gateway.db"
    upgrade(MIGRATIONS, url)
    return Authenticator(Database(url), GatewaySettings())


async def test_the_first_sign_in_makes_an_account_known_by_the_pseudonym(
    authenticator: Authenticator,
) -> None:
    token = await open_oidc_session(authenticator, KORA, "id.token.1")
    account = await authenticator.account_for(token)
    assert account is not None
    assert (account.service_user_id, account.login, account.role) == (
        PSEUDONYM,
        "k.stadt",
        Role.coordinator,
    )
    assert account.password_hash == ""
    # No password opens it, not even an empty one.
    for password in ("", "x"):
        assert await authenticator.sign_in(PSEUDONYM, password, "10.0.0.1") is None
    async with authenticator.db.read() as conn:
        assert await users.user_id_for_login(conn, "koeln", "k.stadt") == PSEUDONYM


async def test_role_and_scope_come_from_the_token_at_every_sign_in(
    authenticator: Authenticator,
) -> None:
    first = await authenticator.account_for(await open_oidc_session(authenticator, KORA, "t.1"))
    moved = BearerIdentity(PSEUDONYM, "k.stadt", Role.caseworker, "koeln", "caritas")
    second = await authenticator.account_for(await open_oidc_session(authenticator, moved, "t.2"))
    assert first is not None and second is not None
    assert second.user_id == first.user_id
    assert (second.role, second.provider) == (Role.caseworker, "caritas")


async def test_an_account_the_gateway_locked_opens_no_session(
    authenticator: Authenticator,
) -> None:
    await open_oidc_session(authenticator, KORA, "t.1")
    async with authenticator.db.transaction() as conn:
        assert await users.set_active(conn, PSEUDONYM, False)
    with pytest.raises(SignInFailed, match="gesperrt"):
        await open_oidc_session(authenticator, KORA, "t.2")


async def test_signing_out_hands_back_the_id_token_once(authenticator: Authenticator) -> None:
    token = await open_oidc_session(authenticator, KORA, "id.token.1")
    assert await close_returning_id_token(authenticator, token) == "id.token.1"
    assert await authenticator.account_for(token) is None
    assert await close_returning_id_token(authenticator, token) is None


async def test_a_login_seen_at_sign_in_is_remembered_for_lookups(
    authenticator: Authenticator,
) -> None:
    await open_oidc_session(authenticator, KORA, "t.1")
    async with authenticator.db.read() as conn:
        assert await users.logins_of(conn, {PSEUDONYM}) == {PSEUDONYM: "k.stadt"}
