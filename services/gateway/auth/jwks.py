"""The identity provider's signing keys (JWKS), fetched over HTTP and cached by `kid`.

An unknown `kid` (the provider rotated its keys) fetches the set again, but at most once
per `refresh_seconds`: tokens with made-up key ids must not turn the gateway into a
request amplifier against the identity provider.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import httpx
from jwt import PyJWK, PyJWKSet
from jwt.exceptions import PyJWKSetError

SIGNING_ALGORITHMS = ("RS256", "ES256")


class KeysUnavailable(Exception):
    """The identity provider's keys could not be fetched (and none are cached)."""


def discovery_url(issuer: str) -> str:
    """Where an OpenID provider describes itself (Keycloak: per realm)."""
    return issuer.rstrip("/") + "/.well-known/openid-configuration"


class JwksKeys:
    """Signing keys by `kid`; fetched lazily, refetched for an unknown `kid` (rate-limited)."""

    def __init__(
        self,
        issuer: str,
        jwks_url: str | None = None,
        *,
        refresh_seconds: float = 60.0,
        transport: httpx.AsyncBaseTransport | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.issuer = issuer
        self.jwks_url = jwks_url
        self.refresh_seconds = refresh_seconds
        self.transport = transport
        self.monotonic = monotonic
        self.keys: dict[str, PyJWK] = {}
        self.fetched_at: float | None = None
        self.fetches = 0
        self._lock = asyncio.Lock()

    async def key(self, kid: str) -> PyJWK | None:
        """The signing key with this id, or None if the provider does not know it either."""
        if kid in self.keys:
            return self.keys[kid]
        async with self._lock:
            # Another request may have fetched the set while this one waited.
            if kid not in self.keys and self._may_fetch():
                await self._fetch()
        return self.keys.get(kid)

    def _may_fetch(self) -> bool:
        if self.fetched_at is None:
            return True
        return self.monotonic() - self.fetched_at >= self.refresh_seconds

    async def _fetch(self) -> None:
        self.fetched_at = self.monotonic()
        self.fetches += 1
        try:
            async with httpx.AsyncClient(transport=self.transport, timeout=10.0) as client:
                url = self.jwks_url or await self._discover(client)
                response = await client.get(url)
                response.raise_for_status()
                document: Any = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            if not self.keys:
                raise KeysUnavailable(str(exc)) from exc
            return  # the keys we have still verify the tokens signed with them
        self.keys = _signing_keys(document)

    async def _discover(self, client: httpx.AsyncClient) -> str:
        response = await client.get(discovery_url(self.issuer))
        response.raise_for_status()
        jwks_uri = response.json().get("jwks_uri")
        if not isinstance(jwks_uri, str):
            raise ValueError("openid-configuration without jwks_uri")
        self.jwks_url = jwks_uri
        return jwks_uri


def _signing_keys(document: Any) -> dict[str, PyJWK]:
    """Only signature keys with a `kid` and an accepted algorithm (Keycloak also publishes
    encryption keys in the same set)."""
    entries = document.get("keys") if isinstance(document, dict) else None
    usable = [
        k
        for k in entries or []
        if isinstance(k, dict) and k.get("use", "sig") == "sig" and isinstance(k.get("kid"), str)
    ]
    try:
        found = PyJWKSet(usable).keys if usable else []
    except PyJWKSetError:
        found = []
    return {
        str(k.key_id): k
        for k in found
        if k.key_id is not None and k.algorithm_name in SIGNING_ALGORITHMS
    }
