"""The signed flow cookie, the provider logout address, and a confidential client."""

from __future__ import annotations

import asyncio
import base64
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from pydantic import ValidationError

from services.gateway.auth.jwks import JwksKeys
from services.gateway.auth.oidc import BearerIdentity, TokenRefused
from services.gateway.auth.oidc_flow import FLOW_SECONDS, Flow, FlowCookie
from services.gateway.auth.oidc_login import OidcLogin, SignInFailed, same_person
from services.gateway.auth.oidc_sessions import end_session_url
from services.gateway.settings import GatewaySettings
from shared.identity import Role
from support.fake_idp import CLIENT_ID, FakeIdentityProvider


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_the_flow_cookie_comes_back_only_genuine_and_fresh() -> None:
    clock = Clock()
    cookies = FlowCookie("geheim", now=clock)
    flow = Flow.new(now=clock)
    value = cookies.dump(flow)
    assert cookies.load(value) == flow
    payload, _, signature = value.partition(".")
    assert cookies.load(f"{payload}.{'0' * len(signature)}") is None
    assert FlowCookie("anderes-geheimnis", now=clock).load(value) is None
    for garbage in (None, "", "abc", "abc.def", "."):
        assert cookies.load(garbage) is None
    clock.now += FLOW_SECONDS + 1
    assert cookies.load(value) is None


def test_every_flow_is_new() -> None:
    one, two = Flow.new(), Flow.new()
    assert len({one.state, two.state, one.nonce, two.nonce, one.verifier, two.verifier}) == 6


def test_the_provider_logout_carries_the_hint_and_the_way_back() -> None:
    url = end_session_url("https://idp/logout?x=1", "a.b.c", "auszug-ui", "https://a/ui/anmelden")
    query = parse_qs(urlsplit(url).query)
    assert query == {
        "x": ["1"],
        "id_token_hint": ["a.b.c"],
        "post_logout_redirect_uri": ["https://a/ui/anmelden"],
        "client_id": ["auszug-ui"],
    }


def test_access_and_id_token_must_name_the_same_person() -> None:
    identity = BearerIdentity("oidc:a", "a", Role.coordinator, "koeln", None)
    assert same_person(identity, "oidc:a") is identity
    with pytest.raises(TokenRefused):
        same_person(identity, "oidc:b")


def test_a_confidential_client_authenticates_with_basic_auth() -> None:
    idp = FakeIdentityProvider(serve=False)
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("openid-configuration"):
            return httpx.Response(200, json=idp.discovery())
        seen.append(request)
        return httpx.Response(400, json={"error": "invalid_grant"})

    mock = httpx.MockTransport(handle)
    login = OidcLogin(
        idp.issuer, CLIENT_ID, "s3cr:et", "https://a/cb", JwksKeys(idp.issuer, transport=mock), mock
    )
    with pytest.raises(SignInFailed, match="abgelaufen oder ungültig"):
        asyncio.run(login.exchange(Flow.new(), "code"))
    (request,) = seen
    credentials = base64.b64decode(request.headers["authorization"].removeprefix("Basic "))
    assert credentials == f"{CLIENT_ID}:s3cr%3Aet".encode()
    form = parse_qs(request.content.decode())
    assert "client_id" not in form and form["grant_type"] == ["authorization_code"]
    assert form["code_verifier"] and form["redirect_uri"] == ["https://a/cb"]


def test_browser_sign_in_is_on_only_when_fully_configured() -> None:
    issuer = "https://login.example.org/realms/koeln"
    full = GatewaySettings(
        oidc_issuer=issuer,
        oidc_audience="auszug",
        oidc_client_id="auszug-ui",
        oidc_redirect_url="https://auszug.example.org/ui/anmelden/oidc/rueckkehr",
    )
    assert full.oidc_browser_sign_in
    bearer_only = GatewaySettings(oidc_issuer=issuer, oidc_audience="auszug")
    assert not bearer_only.oidc_browser_sign_in
    assert not GatewaySettings().oidc_browser_sign_in
    with pytest.raises(ValidationError):
        GatewaySettings(oidc_client_id="auszug-ui")
