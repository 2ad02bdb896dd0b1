"""OpenID Connect bearer tokens and pseudonymous actors, against the running system.

A tiny local identity provider (discovery document and JWKS over HTTP) signs tokens with
an RSA key made here; the gateway is configured to trust it. Whoever calls, by token or
by password, the events on the stream name them only by a pseudonym.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from support.accounts import add_users, signed_in
from support.bus import events_about
from support.nats_server import NatsServer
from support.postgres import PostgresCluster
from support.system import ServiceProcess, System, household, wait_until

KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
PSEUDONYM_KEY = "p" * 40


class IdentityProvider:
    """Serves `/realms/koeln/.well-known/openid-configuration` and the realm's JWKS."""

    def __init__(self) -> None:
        jwk = {**RSAAlgorithm.to_jwk(KEY.public_key(), as_dict=True), "kid": "k1", "use": "sig"}
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path.endswith("/.well-known/openid-configuration"):
                    body: dict[str, Any] = {"jwks_uri": f"{provider.issuer}/certs"}
                else:
                    body = {"keys": [jwk]}
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.issuer = f"http://127.0.0.1:{self.server.server_port}/realms/koeln"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def settings(self) -> dict[str, str]:
        return {
            "AUSZUG_GATEWAY_OIDC_ISSUER": self.issuer,
            "AUSZUG_GATEWAY_OIDC_AUDIENCE": "auszug",
            "AUSZUG_GATEWAY_PSEUDONYM_KEY": PSEUDONYM_KEY,
        }

    def token(
        self, sub: str, login: str, role: str, provider: str | None = None, **extra: Any
    ) -> str:
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "aud": "auszug",
            "sub": sub,
            "exp": int(time.time()) + 300,
            "preferred_username": login,
            "realm_access": {"roles": [f"auszug-{role}", "offline_access"]},
            "municipality": "koeln",
            **({"provider": provider} if provider else {}),
            **extra,
        }
        return jwt.encode(claims, KEY, algorithm="RS256", headers={"kid": "k1"})


def bearer(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


@pytest.fixture(scope="module")
def idp() -> Iterator[IdentityProvider]:
    provider = IdentityProvider()
    yield provider
    provider.server.shutdown()


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def oidc(
    request: pytest.FixtureRequest,
    idp: IdentityProvider,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[System]:
    """Gateway, intake and volunteer; the gateway trusts the local identity provider."""
    workdir = tmp_path_factory.mktemp(f"oidc-{request.param}")
    services = ("gateway", "intake", "volunteer")
    urls: dict[str, str] = {}
    if request.param == "postgres":
        cluster: PostgresCluster = request.getfixturevalue("pg_cluster")
        urls = {s: cluster.create_database(f"oidc_{s}") for s in services}
    with NatsServer(workdir / "nats") as server:
        system = System(workdir, server, urls, services=services)
        system["gateway"].env.update(idp.settings())
        try:
            system.start()
            add_users(
                system,
                ("anna", "caseworker", "koeln", "caritas"),
                ("vera", "volunteer", "koeln", None),
            )
            yield system
        finally:
            system.stop()


def test_bearer_callers_are_scoped_and_pseudonymous(oidc: System, idp: IdentityProvider) -> None:
    api = f"{oidc.gateway}/api"
    caritas = bearer(idp.token("sub-anna-0001", "a.keycloak", "caseworker", "caritas"))
    drk = bearer(idp.token("sub-dirk-0002", "d.keycloak", "caseworker", "drk"))
    coordinator = bearer(idp.token("sub-kora-0003", "k.keycloak", "coordinator"))
    created = oidc.http.post(f"{api}/households", json=household(), headers=caritas)
    assert created.status_code == 201, created.text
    household_id = created.json()["household_id"]
    assert oidc.http.get(f"{api}/households/{household_id}", headers=drk).status_code == 404
    assert oidc.http.get(f"{api}/households/{household_id}", headers=caritas).status_code == 200

    foreign = idp.token("sub-anna-0001", "a.keycloak", "caseworker", "caritas", aud="other")
    refused = oidc.http.get(f"{api}/session", headers=bearer(foreign))
    assert refused.status_code == 401
    assert (
        refused.json()["error"]["message"] == "Das Zugangstoken ist nicht für Auszug ausgestellt."
    )

    (registered,) = [
        e for e in events_about(oidc.nats.url, household_id) if e.stream_id.startswith("household:")
    ][:1]
    assert registered.actor.startswith("oidc:")
    assert "a.keycloak" not in registered.actor and "sub-anna" not in registered.actor
    me = oidc.http.get(f"{api}/session", headers=caritas).json()
    assert (me["user_id"], me["login"]) == (registered.actor, "a.keycloak")
    # The coordinator reads who looked: by login, resolved inside the gateway.
    log = oidc.http.get(f"{api}/households/{household_id}/access-log", headers=coordinator)
    assert [e["user_id"] for e in log.json()["entries"]] == ["a.keycloak"]


def test_password_accounts_act_under_their_uuid_and_volunteers_keep_their_tandems(
    oidc: System,
) -> None:
    anna, vera = signed_in(oidc, "anna"), signed_in(oidc, "vera")
    me = anna.get("/api/session").json()
    assert me["login"] == "anna" and me["user_id"] != "anna"
    household_id = anna.post("/api/households", json=household("2025-01-10")).json()["household_id"]
    actors = {e.actor for e in events_about(oidc.nats.url, household_id)}
    assert actors == {me["user_id"]}

    volunteer = {"provider": "caritas", "user_id": "Vera", "given_name": "Vera", "family_name": "V"}
    volunteer["registered_on"] = "2025-01-20"
    volunteer_id = anna.post("/api/volunteers", json=volunteer).json()["volunteer_id"]
    anna.post(
        f"/api/households/{household_id}/consents",
        json={"purpose": "volunteer_tandem", "given_on": "2025-01-10", "given_by": "Frau H."},
    )
    step = {"step": "agreement_signed", "done_on": "2025-01-25"}
    assert anna.post(f"/api/volunteers/{volunteer_id}/onboarding", json=step).status_code == 200
    tandem = {"volunteer_id": volunteer_id, "household_id": household_id, "formed_on": "2025-02-01"}

    def formed() -> str | None:
        response = anna.post("/api/tandems", json=tandem)
        return str(response.json()["tandem_id"]) if response.status_code == 201 else None

    tandem_id = wait_until(formed, interval=0.2, what="household known to volunteer")
    mine = vera.get("/api/tandems").json()
    assert [t["tandem_id"] for t in mine["tandems"]] == [tandem_id]
    assert vera.get(f"/api/tandem-households/{household_id}").status_code == 200


def test_production_takes_tokens_and_refuses_unknown_logins(
    oidc: System, idp: IdentityProvider, tmp_path: Path
) -> None:
    production = ServiceProcess("gateway", oidc["gateway"].env, tmp_path)
    production.start({"AUSZUG_ENVIRONMENT": "production", "AUSZUG_GATEWAY_SECRET_KEY": "s" * 40})
    try:
        api = f"{production.base_url}/api"
        assert httpx.get(f"{api}/session").status_code == 401
        assert httpx.get(f"{api}/session", headers={"x-auszug-role": "admin"}).status_code == 401
        coordinator = bearer(idp.token("sub-kora-0003", "k.keycloak", "coordinator"))
        assert httpx.get(f"{api}/session", headers=coordinator).json()["role"] == "coordinator"
        volunteer = {
            "provider": "caritas",
            "user_id": "niemand",
            "given_name": "N",
            "family_name": "N",
        }
        refused = httpx.post(f"{api}/volunteers", json=volunteer, headers=coordinator)
        assert refused.status_code == 422
        assert refused.json()["error"]["fields"][0]["field"] == "user_id"
        assert "Kein Konto mit diesem Login" in refused.json()["error"]["fields"][0]["message"]
    finally:
        production.stop()
