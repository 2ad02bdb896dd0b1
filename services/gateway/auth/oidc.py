"""OpenID Connect bearer tokens (e.g. from a city's Keycloak) → who calls.

The token's signature (RS256/ES256 only, key from the provider's JWKS), issuer,
audience and lifetime (60 s leeway for clocks that differ) are checked; then its
claims become the caller: exactly one realm role `auszug-<role>` in
`realm_access.roles` (as Keycloak puts it), the user attributes `municipality` and
`provider` (mapped into the token as claims). The `sub` never leaves the gateway: services
see only its pseudonym (pseudonyms.py), so no login or account name reaches an event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol
from uuid import UUID

import jwt
from jwt.exceptions import PyJWTError

from services.gateway.auth.jwks import SIGNING_ALGORITHMS, JwksKeys
from services.gateway.auth.pseudonyms import oidc_user_id
from shared.identity import Caller, Role

LEEWAY_SECONDS = 60
ROLE_PREFIX = "auszug-"
_CODE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


class TokenRefused(Exception):
    """The token does not identify a caller; `message` says why, in German (401)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class BearerIdentity:
    """Who a valid token names: the pseudonymous user id, and the login for the gateway's
    own displays (never sent to a service)."""

    user_id: str
    login: str | None
    role: Role
    municipality: str
    provider: str | None

    def caller(self, correlation_id: UUID) -> Caller:
        """The identity the gateway vouches for towards the services."""
        return Caller(
            user_id=self.user_id,
            role=self.role,
            municipality=self.municipality,
            provider=self.provider,
            correlation_id=correlation_id,
        )


class TokenVerifier(Protocol):
    async def verify(self, token: str) -> BearerIdentity:
        """The identity of a valid token; raises TokenRefused otherwise."""
        ...


class JwksVerifier:
    """Verifies access tokens against the identity provider's published keys."""

    def __init__(self, issuer: str, audience: str, keys: JwksKeys, pseudonym_key: str) -> None:
        self.issuer = issuer
        self.audience = audience
        self.keys = keys
        self.pseudonym_key = pseudonym_key

    async def verify(self, token: str) -> BearerIdentity:
        """The identity of a valid token; raises TokenRefused (or KeysUnavailable)."""
        try:
            header = jwt.get_unverified_header(token)
        except PyJWTError as exc:
            raise TokenRefused("Das Zugangstoken ist nicht lesbar.") from exc
        algorithm = header.get("alg")
        if algorithm not in SIGNING_ALGORITHMS:
            raise TokenRefused(
                f"Das Signaturverfahren {algorithm!s} wird nicht angenommen (nur RS256, ES256)."
            )
        kid = header.get("kid")
        key = await self.keys.key(kid) if isinstance(kid, str) else None
        if key is None:
            raise TokenRefused("Das Zugangstoken ist mit einem unbekannten Schlüssel signiert.")
        claims = self._decode(token, key, algorithm)
        return identity_of(claims, self.pseudonym_key)

    def _decode(self, token: str, key: jwt.PyJWK, algorithm: str) -> dict[str, Any]:
        try:
            return jwt.decode(
                token,
                key,
                algorithms=[algorithm],
                audience=self.audience,
                issuer=self.issuer,
                leeway=LEEWAY_SECONDS,
                options={"require": ["exp", "iss", "aud", "sub"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise TokenRefused("Das Zugangstoken ist abgelaufen.") from exc
        except jwt.ImmatureSignatureError as exc:
            raise TokenRefused("Das Zugangstoken gilt noch nicht.") from exc
        except jwt.InvalidIssuerError as exc:
            raise TokenRefused("Das Zugangstoken stammt nicht vom erwarteten Aussteller.") from exc
        except jwt.InvalidAudienceError as exc:
            raise TokenRefused("Das Zugangstoken ist nicht für Auszug ausgestellt.") from exc
        except jwt.MissingRequiredClaimError as exc:
            raise TokenRefused(f"Dem Zugangstoken fehlt die Angabe „{exc.claim}“.") from exc
        except PyJWTError as exc:
            raise TokenRefused("Die Signatur des Zugangstokens ist ungültig.") from exc


def identity_of(claims: dict[str, Any], pseudonym_key: str) -> BearerIdentity:
    """Role and scope from the claims; refused without exactly one Auszug role or without
    a municipality (and a caseworker without a provider)."""
    realm_access = claims.get("realm_access")
    roles = realm_access.get("roles") if isinstance(realm_access, dict) else None
    ours = sorted({r for r in roles or [] if isinstance(r, str) and r.startswith(ROLE_PREFIX)})
    if len(ours) != 1:
        raise TokenRefused(
            f"Das Zugangstoken muss genau eine Auszug-Rolle tragen (gefunden: {len(ours)})."
        )
    try:
        role = Role(ours[0].removeprefix(ROLE_PREFIX))
    except ValueError as exc:
        raise TokenRefused(f"Die Rolle „{ours[0]}“ kennt Auszug nicht.") from exc
    municipality = _attribute(claims, "municipality")
    if municipality is None:
        raise TokenRefused("Dem Zugangstoken fehlt die Kommune (Attribut „municipality“).")
    provider = _attribute(claims, "provider")
    if role is Role.caseworker and provider is None:
        raise TokenRefused("Für Fachkräfte fehlt der Träger (Attribut „provider“).")
    login = claims.get("preferred_username")
    return BearerIdentity(
        user_id=oidc_user_id(pseudonym_key, str(claims["sub"])),
        login=login if isinstance(login, str) else None,
        role=role,
        municipality=municipality,
        provider=provider,
    )


def _attribute(claims: dict[str, Any], name: str) -> str | None:
    """A single-valued user attribute; Keycloak sends a list when the mapper is multivalued."""
    value = claims.get(name)
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if isinstance(value, str) and _CODE.match(value.strip().lower()):
        return value.strip().lower()
    if value not in (None, "", []):
        raise TokenRefused(f"Das Attribut „{name}“ im Zugangstoken ist ungültig.")
    return None
