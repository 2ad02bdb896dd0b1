"""Bearer tokens: signed with a local RSA key, the JWKS served by an httpx MockTransport."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import time
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

from services.gateway.auth.jwks import JwksKeys, KeysUnavailable
from services.gateway.auth.oidc import JwksVerifier, TokenRefused
from services.gateway.auth.pseudonyms import oidc_user_id
from shared.identity import Role

ISSUER = "https://login.example.org/realms/koeln"
AUDIENCE = "auszug"
KEY = "test-pseudonym-key"


class Provider:
    """A stand-in identity provider: its keys, its discovery document, a fetch counter."""

    def __init__(self) -> None:
        self.keys: dict[str, Any] = {}
        self.public: list[dict[str, Any]] = []
        self.requests: list[str] = []
        self.now = 1000.0
        self.add_rsa("k1")

    def add_rsa(self, kid: str) -> None:
        private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.keys[kid] = private
        self.public.append({**RSAAlgorithm.to_jwk(private.public_key(), as_dict=True), "kid": kid})

    def add_ec(self, kid: str) -> None:
        private = ec.generate_private_key(ec.SECP256R1())
        self.keys[kid] = private
        self.public.append({**ECAlgorithm.to_jwk(private.public_key(), as_dict=True), "kid": kid})

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request.url.path)
        if request.url.path.endswith("/.well-known/openid-configuration"):
            return httpx.Response(200, json={"issuer": ISSUER, "jwks_uri": f"{ISSUER}/certs"})
        return httpx.Response(200, json={"keys": self.public})

    def verifier(self, refresh_seconds: float = 60.0) -> JwksVerifier:
        keys = JwksKeys(
            ISSUER,
            refresh_seconds=refresh_seconds,
            transport=httpx.MockTransport(self.handle),
            monotonic=lambda: self.now,
        )
        return JwksVerifier(ISSUER, AUDIENCE, keys, KEY)


def claims(**changes: Any) -> dict[str, Any]:
    now = int(time.time())
    base: dict[str, Any] = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": "f3a1c2d4-0000-4000-8000-000000000001",
        "exp": now + 300,
        "iat": now,
        "preferred_username": "anna.caritas",
        "realm_access": {"roles": ["offline_access", "auszug-caseworker"]},
        "municipality": "koeln",
        "provider": "caritas",
    }
    base.update(changes)
    return {k: v for k, v in base.items() if v is not None}


def sign(provider: Provider, body: dict[str, Any], kid: str = "k1", alg: str = "RS256") -> str:
    return jwt.encode(body, provider.keys[kid], algorithm=alg, headers={"kid": kid})


def verify(verifier: JwksVerifier, token: str) -> Any:
    return asyncio.run(verifier.verify(token))


def refused(verifier: JwksVerifier, token: str) -> str:
    with pytest.raises(TokenRefused) as caught:
        verify(verifier, token)
    return caught.value.message


def test_a_valid_token_names_a_pseudonymous_caller() -> None:
    provider = Provider()
    identity = verify(provider.verifier(), sign(provider, claims()))
    assert identity.role is Role.caseworker
    assert (identity.municipality, identity.provider) == ("koeln", "caritas")
    assert identity.user_id == oidc_user_id(KEY, "f3a1c2d4-0000-4000-8000-000000000001")
    assert "anna" not in identity.user_id and "f3a1c2d4" not in identity.user_id
    assert identity.login == "anna.caritas"
    # The JWKS address came from the provider's discovery document.
    assert provider.requests == [
        "/realms/koeln/.well-known/openid-configuration",
        "/realms/koeln/certs",
    ]


def test_es256_tokens_and_list_valued_attributes_are_accepted() -> None:
    provider = Provider()
    provider.add_ec("e1")
    body = claims(municipality=["koeln"], realm_access={"roles": ["auszug-coordinator"]})
    identity = verify(provider.verifier(), sign(provider, body, kid="e1", alg="ES256"))
    assert (identity.role, identity.municipality) == (Role.coordinator, "koeln")


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"iss": "https://evil.example.org/realms/koeln"}, "Aussteller"),
        ({"aud": "another-app"}, "nicht für Auszug"),
        ({"exp": lambda: int(time.time()) - 61}, "abgelaufen"),
        ({"nbf": lambda: int(time.time()) + 120}, "noch nicht"),
        ({"sub": None}, "„sub“"),
        ({"realm_access": {"roles": ["auszug-caseworker", "auszug-coordinator"]}}, "gefunden: 2"),
        ({"realm_access": {"roles": ["offline_access"]}}, "gefunden: 0"),
        ({"realm_access": None}, "gefunden: 0"),
        ({"realm_access": {"roles": ["auszug-superuser"]}}, "kennt Auszug nicht"),
        ({"municipality": None}, "Kommune"),
        ({"municipality": ["koeln", "bonn"]}, "„municipality“"),
        ({"provider": None}, "Träger"),
    ],
)
def test_tokens_without_the_right_claims_are_refused(changes: dict[str, Any], reason: str) -> None:
    provider = Provider()
    # Times are taken when the test runs, not when it is collected.
    changes = {k: v() if callable(v) else v for k, v in changes.items()}
    assert reason in refused(provider.verifier(), sign(provider, claims(**changes)))


def test_expiry_allows_a_minute_of_clock_skew() -> None:
    provider = Provider()
    token = sign(provider, claims(exp=int(time.time()) - 30))
    assert verify(provider.verifier(), token).role is Role.caseworker


def test_alg_none_and_hs256_with_the_public_key_are_refused() -> None:
    provider = Provider()
    verifier = provider.verifier()
    unsigned = jwt.encode(claims(), "", algorithm="none", headers={"kid": "k1"})
    assert "nur RS256" in refused(verifier, unsigned)
    # The classic confusion: the public key (which anybody can fetch) as an HMAC secret.
    pem = (
        provider.keys["k1"]
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    forged = _hs256(claims(), pem)
    assert "nur RS256" in refused(verifier, forged)
    assert "nicht lesbar" in refused(verifier, "kein.token")


def test_a_token_signed_by_another_key_with_a_known_kid_is_refused() -> None:
    provider, impostor = Provider(), Provider()
    assert "Signatur" in refused(provider.verifier(), sign(impostor, claims()))


def test_an_unknown_kid_is_refused_and_rotation_is_picked_up_rate_limited() -> None:
    provider = Provider()
    verifier = provider.verifier(refresh_seconds=30)
    verify(verifier, sign(provider, claims()))
    assert verifier.keys.fetches == 1
    made_up = jwt.encode(claims(), provider.keys["k1"], algorithm="RS256", headers={"kid": "x"})
    assert "unbekannten Schlüssel" in refused(verifier, made_up)

    assert verifier.keys.fetches == 1  # the keys were just fetched: nothing new to learn
    provider.add_rsa("k2")  # the provider rotates; the gateway still has only k1
    provider.now += 10
    # Within the refresh interval made-up or new key ids fetch nothing.
    assert "unbekannten Schlüssel" in refused(verifier, sign(provider, claims(), kid="k2"))
    assert verifier.keys.fetches == 1
    provider.now += 30
    assert verify(verifier, sign(provider, claims(), kid="k2")).role is Role.caseworker
    assert verifier.keys.fetches == 2
    # Known keys need no fetch at all.
    verify(verifier, sign(provider, claims(), kid="k1"))
    assert verifier.keys.fetches == 2


def test_an_unreachable_provider_is_not_a_refusal() -> None:
    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("down", request=request)

    keys = JwksKeys(ISSUER, f"{ISSUER}/certs", transport=httpx.MockTransport(down))
    verifier = JwksVerifier(ISSUER, AUDIENCE, keys, KEY)
    with pytest.raises(KeysUnavailable):
        verify(verifier, sign(Provider(), claims()))


def test_the_pseudonym_depends_on_the_key() -> None:
    assert oidc_user_id("a", "sub-1") == oidc_user_id("a", "sub-1")
    assert oidc_user_id("a", "sub-1") != oidc_user_id("b", "sub-1")
    assert len(oidc_user_id("a", "sub-1")) == 69


def _hs256(body: dict[str, Any], secret: bytes) -> str:
    # PyJWT itself refuses PEM keys as HMAC secrets, so the forgery is built by hand.
    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    header = b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": "k1"}).encode())
    payload = b64(json.dumps(body).encode())
    signature = hmac.new(secret, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{b64(signature)}"
