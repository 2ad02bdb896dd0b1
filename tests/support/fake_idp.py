"""A small OpenID provider for tests, served over HTTP from a thread.

Discovery, an authorization endpoint that signs the configured person in at once and
redirects back with a one-time code, a token endpoint that checks PKCE (S256) and issues
RS256-signed ID and access tokens shaped like Keycloak's, the JWKS, and end_session.
Tests change `person` or `id_token_claims` to make the next sign-in go wrong.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

CLIENT_ID = "auszug-ui"
AUDIENCE = "auszug"


class FakeIdentityProvider:
    """One realm (`/realms/koeln`) with one client; every request answered at once."""

    def __init__(self, *, serve: bool = True) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.person: dict[str, Any] = {"sub": "sub-0001", "login": "a.stadt", "role": "coordinator"}
        self.id_token_claims: dict[str, Any] = {}  # overrides for the next ID tokens
        self.codes: dict[str, dict[str, Any]] = {}
        self.logouts: list[dict[str, str]] = []
        self.issuer = "http://idp.invalid/realms/koeln"
        self.server: ThreadingHTTPServer | None = None
        if serve:  # unit tests call the methods through an httpx MockTransport instead
            self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
            self.issuer = f"http://127.0.0.1:{self.server.server_port}/realms/koeln"
            threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def settings(self, redirect_url: str) -> dict[str, str]:
        """The gateway's environment for this provider (a public client)."""
        return {
            "AUSZUG_GATEWAY_OIDC_ISSUER": self.issuer,
            "AUSZUG_GATEWAY_OIDC_AUDIENCE": AUDIENCE,
            "AUSZUG_GATEWAY_OIDC_CLIENT_ID": CLIENT_ID,
            "AUSZUG_GATEWAY_OIDC_REDIRECT_URL": redirect_url,
            "AUSZUG_GATEWAY_PSEUDONYM_KEY": "k" * 40,
        }

    def discovery(self) -> dict[str, Any]:
        base = self.issuer + "/protocol/openid-connect"
        return {
            "issuer": self.issuer,
            "authorization_endpoint": base + "/auth",
            "token_endpoint": base + "/token",
            "jwks_uri": base + "/certs",
            "end_session_endpoint": base + "/logout",
            "code_challenge_methods_supported": ["S256"],
        }

    def jwks(self) -> dict[str, Any]:
        jwk = RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        return {"keys": [{**jwk, "kid": "k1", "use": "sig", "alg": "RS256"}]}

    def sign(self, claims: dict[str, Any]) -> str:
        return jwt.encode(claims, self.key, algorithm="RS256", headers={"kid": "k1"})

    def authorize(self, query: dict[str, str]) -> str:
        """Where the browser goes next: back to the client with a code."""
        assert query["client_id"] == CLIENT_ID and query["response_type"] == "code"
        assert query["code_challenge_method"] == "S256" and "openid" in query["scope"]
        code = secrets.token_urlsafe(16)
        self.codes[code] = {**query, "person": dict(self.person)}
        back = urlencode({"code": code, "state": query["state"]})
        return f"{query['redirect_uri']}?{back}"

    def token(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        """Redeem a code once, with the verifier of its challenge."""
        grant = self.codes.pop(form.get("code", ""), None)
        if grant is None or form.get("redirect_uri") != grant["redirect_uri"]:
            return 400, {"error": "invalid_grant"}
        verifier = form.get("code_verifier", "").encode()
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier).digest()).rstrip(b"=")
        if challenge.decode() != grant["code_challenge"]:
            return 400, {"error": "invalid_grant", "error_description": "PKCE"}
        person, now = grant["person"], int(time.time())
        common = {"iss": self.issuer, "sub": person["sub"], "iat": now, "exp": now + 300}
        access = {
            **common,
            "aud": AUDIENCE,
            "preferred_username": person["login"],
            "realm_access": {"roles": [f"auszug-{person['role']}"]},
            "municipality": person.get("municipality", "koeln"),
            **({"provider": person["provider"]} if person.get("provider") else {}),
        }
        id_token = {**common, "aud": CLIENT_ID, "nonce": grant["nonce"], **self.id_token_claims}
        return 200, {
            "access_token": self.sign(access),
            "id_token": self.sign(id_token),
            "token_type": "Bearer",
            "expires_in": 300,
        }


def _handler(idp: FakeIdentityProvider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            if url.path.endswith("/.well-known/openid-configuration"):
                self._json(200, idp.discovery())
            elif url.path.endswith("/certs"):
                self._json(200, idp.jwks())
            elif url.path.endswith("/auth"):
                self._redirect(idp.authorize(query))
            elif url.path.endswith("/logout"):
                idp.logouts.append(query)
                self._redirect(query.get("post_logout_redirect_uri", idp.issuer))
            else:
                self._json(404, {"error": "not_found"})

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", "0"))
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            self._json(*idp.token(form))

        def _json(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _redirect(self, location: str) -> None:
            self.send_response(302)
            self.send_header("location", location)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler
