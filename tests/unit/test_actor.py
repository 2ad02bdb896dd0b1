"""The user id services see (and write into every event's `actor`) is never a login."""

from __future__ import annotations

from uuid import uuid4

import pytest
from pydantic import ValidationError

from services.gateway.adapters.users import Account
from services.gateway.auth.oidc import identity_of
from services.gateway.identity import caller_of
from services.gateway.settings import GatewaySettings
from shared.identity import Role


def test_a_password_account_acts_under_its_uuid() -> None:
    account = Account(
        user_id=uuid4(),
        login="maria.mustermann",
        password_hash="x",
        role=Role.volunteer,
        municipality="koeln",
        provider=None,
        display_name="Maria Mustermann",
    )
    caller = caller_of(account, uuid4())
    assert caller.user_id == str(account.user_id)
    assert caller.command_context().actor == str(account.user_id)


def test_a_token_user_acts_under_a_keyed_hash_of_sub() -> None:
    claims = {
        "sub": "4711",
        "preferred_username": "maria.mustermann",
        "realm_access": {"roles": ["auszug-volunteer"]},
        "municipality": "koeln",
    }
    first, other_key = identity_of(claims, "key-a"), identity_of(claims, "key-b")
    assert first.user_id.startswith("oidc:") and first.user_id != other_key.user_id
    assert "4711" not in first.user_id and "maria" not in first.user_id
    assert first.caller(uuid4()).user_id == first.user_id
    assert first.login == "maria.mustermann"


def _settings(**values: object) -> GatewaySettings:
    return GatewaySettings.model_validate(values)


def test_production_with_oidc_needs_its_own_pseudonym_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUSZUG_ENVIRONMENT", "production")
    issuer = {"secret_key": "s" * 40, "oidc_issuer": "https://idp/realms/k", "oidc_audience": "a"}
    with pytest.raises(ValidationError, match="PSEUDONYM_KEY"):
        _settings(**issuer)
    assert _settings(**issuer, pseudonym_key="k" * 40).oidc_issuer == "https://idp/realms/k"
    # Without OIDC nothing is pseudonymised by key: password-only installations start as before.
    assert _settings(secret_key="s" * 40).oidc_issuer is None


def test_an_issuer_needs_an_audience() -> None:
    with pytest.raises(ValidationError, match="AUDIENCE"):
        _settings(oidc_issuer="https://idp/realms/k")
