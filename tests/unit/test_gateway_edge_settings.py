"""Weak settings and passwords are refused; `X-Forwarded-For` is believed only from the
proxies named in the settings."""

from __future__ import annotations

import argparse

import pytest
from pydantic import ValidationError

from services.gateway.auth.passwords import weakness
from services.gateway.settings import GatewaySettings
from services.gateway.users import UsageError, account_from


def test_production_refuses_a_secret_key_shorter_than_32_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AUSZUG_ENVIRONMENT", "production")
    for weak in ("x", "s" * 31):
        with pytest.raises(ValidationError, match="at least 32 bytes"):
            GatewaySettings(secret_key=weak)
    assert GatewaySettings(secret_key="s" * 32).secret_key == "s" * 32
    monkeypatch.setenv("AUSZUG_ENVIRONMENT", "development")
    assert GatewaySettings(secret_key="x").secret_key == "x", "development keeps any key"


def test_forwarded_for_is_believed_only_from_the_trusted_proxies() -> None:
    never = GatewaySettings().proxy_options
    assert never == {"proxy_headers": False, "forwarded_allow_ips": []}
    named = GatewaySettings(trusted_proxies=" 10.0.0.2, 10.1.0.0/16 ").proxy_options
    assert named == {"proxy_headers": True, "forwarded_allow_ips": ["10.0.0.2", "10.1.0.0/16"]}


@pytest.mark.parametrize(
    "password",
    ["short", "aaaaaaaaaaaa", "Password1234", "passwort1234", "qwertzuiop123", "m.muster-2026"],
)
def test_trivial_and_breached_passwords_are_refused(password: str) -> None:
    assert weakness(password, ["m.muster"]) is not None


def test_a_refusal_says_why_in_german_and_english() -> None:
    assert weakness("short") == (
        "Das Passwort muss mindestens 12 Zeichen lang sein. "
        "/ The password must be at least 12 characters long."
    )
    why = weakness("Password1234")
    assert why is not None
    assert why.startswith("Das Passwort ist zu leicht zu erraten")
    assert "similar to a commonly used password" in why


def test_the_account_command_refuses_a_weak_password_and_takes_a_strong_one() -> None:
    args = argparse.Namespace(
        role="caseworker",
        provider="caritas",
        login="m.muster",
        municipality="koeln",
        name=None,
        email=None,
    )
    with pytest.raises(UsageError, match="zu leicht zu erraten"):
        account_from(args, "aaaaaaaaaaaa")
    assert account_from(args, "ein-langes-Passwort-1").login == "m.muster"
