"""Browser sign-in at the OpenID provider: the code exchange and the ID token checks,
against the fake provider's logic behind an httpx MockTransport (no sockets)."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import time
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from services.gateway.auth.jwks import JwksKeys
from services.gateway.auth.oidc_flow import Flow
from services.gateway.auth.oidc_login import UNREACHABLE, OidcLogin, SignInFailed
from support.fake_idp import CLIENT_ID, FakeIdentityProvider

REDIRECT = "https://auszug.example.org/ui/anmelden/oidc/rueckkehr"


def transport(idp: FakeIdentityProvider) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.endswith("openid-configuration"):
            return httpx.Response(200, json=idp.discovery())
        if path.endswith("/certs"):
            return httpx.Response(200, json=idp.jwks())
        form = {k: v[0] for k, v in parse_qs(request.content.decode()).items()}
        status, body = idp.token(form)
        return httpx.Response(status, json=body)

    return httpx.MockTransport(handle)


@pytest.fixture(scope="module")
def idp() -> FakeIdentityProvider:
    return FakeIdentityProvider(serve=False)


@pytest.fixture
def login(idp: FakeIdentityProvider) -> OidcLogin:
    idp.id_token_claims = {}
    mock = transport(idp)
    keys = JwksKeys(idp.issuer, transport=mock)
    return OidcLogin(idp.issuer, CLIENT_ID, None, REDIRECT, keys, transport=mock)


def code_for(idp: FakeIdentityProvider, login: OidcLogin, flow: Flow) -> str:
    """Follow the authorization URL the way the browser would, up to the code."""
    url = asyncio.run(login.authorization_url(flow))
    query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    back = parse_qs(urlsplit(idp.authorize(query)).query)
    assert back["state"] == [flow.state]
    return back["code"][0]


def test_the_authorization_url_carries_state_nonce_and_an_s256_challenge(
    login: OidcLogin,
) -> None:
    flow = Flow.new()
    url = asyncio.run(login.authorization_url(flow))
    assert url.startswith(login.issuer + "/protocol/openid-connect/auth?")
    query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    digest = hashlib.sha256(flow.verifier.encode()).digest()
    challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    assert query == {
        "response_type": "code",
        "client_id": CLIENT_ID,
        "redirect_uri": REDIRECT,
        "scope": "openid",
        "state": flow.state,
        "nonce": flow.nonce,
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    assert 43 <= len(flow.verifier) <= 128


def test_a_code_becomes_verified_tokens_once(idp: FakeIdentityProvider, login: OidcLogin) -> None:
    flow = Flow.new()
    code = code_for(idp, login, flow)
    tokens = asyncio.run(login.exchange(flow, code))
    assert tokens.subject == idp.person["sub"] and tokens.access_token
    with pytest.raises(SignInFailed, match="abgelaufen oder ungültig"):
        asyncio.run(login.exchange(flow, code))


def test_a_code_needs_the_verifier_of_its_challenge(
    idp: FakeIdentityProvider, login: OidcLogin
) -> None:
    flow = Flow.new()
    code = code_for(idp, login, flow)
    other = Flow(flow.state, flow.nonce, Flow.new().verifier, flow.started_at)
    with pytest.raises(SignInFailed):
        asyncio.run(login.exchange(other, code))


@pytest.mark.parametrize(
    ("claims", "message"),
    [
        ({"aud": "anderer-dienst"}, "nicht für Auszug ausgestellt"),
        ({"aud": [CLIENT_ID, "anderer-dienst"]}, "nicht für Auszug ausgestellt"),
        ({"nonce": "eine-andere-anmeldung"}, "gehört nicht zu dieser Anmeldung"),
        ({"iss": "https://evil.example.org"}, "nicht vom erwarteten Aussteller"),
        ({"exp": int(time.time()) - 3600}, "abgelaufen"),
    ],
)
def test_an_id_token_must_be_ours_fresh_and_of_this_sign_in(
    idp: FakeIdentityProvider, login: OidcLogin, claims: dict[str, Any], message: str
) -> None:
    flow = Flow.new()
    code = code_for(idp, login, flow)
    idp.id_token_claims = claims
    with pytest.raises(SignInFailed, match=message):
        asyncio.run(login.exchange(flow, code))


def test_an_unsigned_id_token_is_refused(idp: FakeIdentityProvider, login: OidcLogin) -> None:
    header = base64.urlsafe_b64encode(json.dumps({"alg": "none"}).encode()).rstrip(b"=")
    claims = {"iss": idp.issuer, "aud": CLIENT_ID, "sub": "x", "nonce": "n", "exp": 9e9}
    body = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=")
    with pytest.raises(SignInFailed, match="nicht gültig signiert"):
        asyncio.run(login.verify_id_token(f"{header.decode()}.{body.decode()}.", "n"))


def test_an_unreachable_provider_is_said_so() -> None:
    down = httpx.MockTransport(lambda request: httpx.Response(503))
    keys = JwksKeys("https://idp.invalid", transport=down)
    login = OidcLogin("https://idp.invalid", CLIENT_ID, None, REDIRECT, keys, transport=down)
    with pytest.raises(SignInFailed) as refused:
        asyncio.run(login.authorization_url(Flow.new()))
    assert refused.value.message == UNREACHABLE
