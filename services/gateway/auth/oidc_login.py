"""Browser sign-in at the city's OpenID provider: authorization code with PKCE (S256).

The provider's endpoints come from its discovery document. authlib builds the requests
(RFC 6749 parameters, RFC 7636 S256 challenge); httpx sends them, because authlib's own
httpx client is deprecated in favour of another HTTP library. The ID token is then
checked with the same keys as bearer tokens (jwks.py): signature, `iss`, `aud` = our
client id, `exp`, and the `nonce` of this very sign-in. Role and scope come from the
access token, verified exactly as on the bearer path (oidc.py), and it must name the
same `sub` as the ID token.
"""

from __future__ import annotations

import base64
import hmac
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx
import jwt
from authlib.oauth2.rfc6749.parameters import prepare_grant_uri, prepare_token_request
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from jwt.exceptions import PyJWTError

from services.gateway.auth.jwks import SIGNING_ALGORITHMS, JwksKeys, KeysUnavailable, discovery_url
from services.gateway.auth.oidc import LEEWAY_SECONDS, BearerIdentity, TokenRefused
from services.gateway.auth.oidc_flow import Flow


class SignInFailed(Exception):
    """The sign-in at the provider did not succeed; `message` says why, in German."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


UNREACHABLE = "Der Anmeldedienst der Stadt ist nicht erreichbar. Bitte später erneut versuchen."


@dataclass(frozen=True)
class Endpoints:
    authorization: str
    token: str
    end_session: str | None


@dataclass(frozen=True)
class Tokens:
    """What a successful exchange yields: the ID token (kept for sign-out) and its sub."""

    id_token: str
    subject: str
    access_token: str


class OidcLogin:
    """The provider as the browser sign-in sees it (one per gateway process)."""

    def __init__(
        self,
        issuer: str,
        client_id: str,
        client_secret: str | None,
        redirect_url: str,
        keys: JwksKeys,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.issuer = issuer
        self.client_id = client_id
        self.client_secret = client_secret
        self.redirect_url = redirect_url
        self.keys = keys
        self.transport = transport
        self._endpoints: Endpoints | None = None

    async def endpoints(self) -> Endpoints:
        """From the discovery document, fetched once (SignInFailed when unreachable)."""
        if self._endpoints is None:
            try:
                async with httpx.AsyncClient(transport=self.transport, timeout=10.0) as client:
                    response = await client.get(discovery_url(self.issuer))
                    response.raise_for_status()
                    document: dict[str, Any] = response.json()
                self._endpoints = Endpoints(
                    authorization=str(document["authorization_endpoint"]),
                    token=str(document["token_endpoint"]),
                    end_session=document.get("end_session_endpoint"),
                )
            except (httpx.HTTPError, ValueError, KeyError, AttributeError) as exc:
                raise SignInFailed(UNREACHABLE) from exc
        return self._endpoints

    async def authorization_url(self, flow: Flow) -> str:
        """Where to send the browser: with state, nonce and the S256 code challenge."""
        endpoints = await self.endpoints()
        url: str = prepare_grant_uri(
            endpoints.authorization,
            self.client_id,
            "code",
            redirect_uri=self.redirect_url,
            scope="openid",
            state=flow.state,
            nonce=flow.nonce,
            code_challenge=create_s256_code_challenge(flow.verifier),
            code_challenge_method="S256",
        )
        return url

    async def exchange(self, flow: Flow, code: str) -> Tokens:
        """Redeem the code with the verifier and check the ID token it brings."""
        endpoints = await self.endpoints()
        body = prepare_token_request(
            "authorization_code",
            redirect_uri=self.redirect_url,
            code=code,
            code_verifier=flow.verifier,
            # A public client names itself; a confidential one authenticates instead.
            client_id=None if self.client_secret else self.client_id,
        )
        headers = {"content-type": "application/x-www-form-urlencoded"}
        if self.client_secret:
            # RFC 6749 2.3.1: id and secret are form-encoded before Basic authentication.
            pair = f"{quote(self.client_id, safe='')}:{quote(self.client_secret, safe='')}"
            headers["authorization"] = "Basic " + base64.b64encode(pair.encode()).decode()
        try:
            async with httpx.AsyncClient(transport=self.transport, timeout=10.0) as client:
                response = await client.post(endpoints.token, content=body, headers=headers)
            token: Any = response.json() if response.status_code == 200 else {}
        except (httpx.HTTPError, ValueError) as exc:
            raise SignInFailed(UNREACHABLE) from exc
        if response.status_code != 200 or not isinstance(token, dict):
            message = (
                "Die Anmeldung bei der Stadt ist abgelaufen oder ungültig. Bitte erneut anmelden."
            )
            raise SignInFailed(message)
        id_token, access_token = token.get("id_token"), token.get("access_token")
        if not isinstance(id_token, str) or not isinstance(access_token, str):
            raise SignInFailed("Der Anmeldedienst hat kein ID-Token geliefert.")
        claims = await self.verify_id_token(id_token, flow.nonce)
        return Tokens(id_token=id_token, subject=str(claims["sub"]), access_token=access_token)

    async def verify_id_token(self, id_token: str, nonce: str) -> dict[str, Any]:
        """The ID token's claims if it is genuine, for us, fresh and of this sign-in."""
        try:
            header = jwt.get_unverified_header(id_token)
            algorithm = header.get("alg")
            kid = header.get("kid")
            key = await self.keys.key(kid) if isinstance(kid, str) else None
            if algorithm not in SIGNING_ALGORITHMS or key is None:
                raise SignInFailed("Das ID-Token ist nicht gültig signiert.")
            claims: dict[str, Any] = jwt.decode(
                id_token,
                key,
                algorithms=[algorithm],
                audience=self.client_id,
                issuer=self.issuer,
                leeway=LEEWAY_SECONDS,
                options={"require": ["exp", "iat", "iss", "aud", "sub", "nonce"]},
            )
        except KeysUnavailable as exc:
            raise SignInFailed(UNREACHABLE) from exc
        except jwt.InvalidAudienceError as exc:
            raise SignInFailed("Das ID-Token ist nicht für Auszug ausgestellt.") from exc
        except jwt.InvalidIssuerError as exc:
            raise SignInFailed("Das ID-Token stammt nicht vom erwarteten Aussteller.") from exc
        except jwt.ExpiredSignatureError as exc:
            raise SignInFailed("Das ID-Token ist abgelaufen.") from exc
        except PyJWTError as exc:
            raise SignInFailed("Das ID-Token ist ungültig.") from exc
        if not hmac.compare_digest(str(claims["nonce"]), nonce):
            raise SignInFailed("Das ID-Token gehört nicht zu dieser Anmeldung.")
        # With several audiences, the token must still have been issued to us.
        audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
        if len(audiences) > 1 and claims.get("azp") != self.client_id:
            raise SignInFailed("Das ID-Token ist nicht für Auszug ausgestellt.")
        return claims


def same_person(identity: BearerIdentity, id_token_user_id: str) -> BearerIdentity:
    """The access token's identity, if it names the ID token's person (else refused)."""
    if identity.user_id != id_token_user_id:
        raise TokenRefused("Zugangstoken und ID-Token nennen verschiedene Personen.")
    return identity
