"""Who is calling the gateway, and may they call this route at all.

In this order:
1. a session cookie (staff signed in with a password, see auth/authenticator.py): the
   session decides, also in development; for changes (POST/PUT/DELETE) the CSRF token
   must come along in the `x-csrf-token` header (the UI's forms check their own field);
2. `Authorization: Bearer <token>` when OpenID Connect is configured (auth/oidc.py); no
   CSRF token needed, the browser sends no such header on its own;
3. in development and test only: the identity in headers `x-auszug-user` / `-role` /
   `-municipality` / `-provider` (default: a coordinator of Köln);
4. otherwise 401.

The user id the services see (and write into every event's `actor`) is pseudonymous:
the account's UUID, or `oidc:` + a keyed hash of the token's `sub`; the login stays in
the gateway (`request.state.login`, for its own pages and the access log).

Then the gateway's coarse role policy (policy.py) refuses whole areas with 403.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated
from uuid import UUID, uuid4

from fastapi import Depends, HTTPException, Request
from pydantic import ValidationError
from starlette.requests import HTTPConnection

from services.gateway.adapters import users
from services.gateway.adapters.users import Account
from services.gateway.auth import csrf
from services.gateway.auth.authenticator import Authenticator
from services.gateway.auth.jwks import JwksKeys, KeysUnavailable
from services.gateway.auth.oidc import BearerIdentity, JwksVerifier, TokenRefused, TokenVerifier
from services.gateway.policy import may_call
from services.gateway.settings import GatewaySettings
from shared import http_metrics
from shared.db import Database
from shared.identity import Caller, Role
from shared.rpc import ErrorKind, RemoteError, RpcError

SESSION_COOKIE = "auszug_session"
# Where a person signed in with a one-time password goes first, and what else they reach
# until they have chosen their own (who they are; signing out).
PASSWORD_PAGE = "/ui/passwort"
WHILE_DUE = frozenset({PASSWORD_PAGE, "/api/session"})
PASSWORD_DUE = "Bitte zuerst unter /ui/passwort ein eigenes Passwort wählen."


def _correlation_id(value: str | None) -> UUID:
    try:
        return UUID(value) if value else uuid4()
    except ValueError:
        return uuid4()


class Credentials(StrEnum):
    """What a request offers to identify its caller, in the order above."""

    session = "session"
    bearer = "bearer"
    development = "development"


def credentials(connection: HTTPConnection, settings: GatewaySettings) -> Credentials | None:
    """Which way (if any) this request could identify its caller, from its headers alone:
    the edge middleware (edge.py) asks before a body is read, resolve_caller to choose."""
    if connection.cookies.get(SESSION_COOKIE):
        return Credentials.session
    scheme, _, _ = connection.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer":
        return Credentials.bearer
    # Without headers a development request is the default coordinator: never anonymous.
    return Credentials.development if settings.development_identity else None


def caller_of(account: Account, correlation_id: UUID) -> Caller:
    """A signed-in account as the services see it: known by its UUID (a user of the
    OpenID provider by the pseudonym of its `sub`), never by its login."""
    return Caller(
        user_id=account.service_user_id,
        role=account.role,
        municipality=account.municipality,
        provider=account.provider,
        correlation_id=correlation_id,
    )


async def resolve_caller(request: Request) -> Caller | None:
    """The caller of this request, or None when nobody is identified."""
    headers = request.headers
    correlation_id = _correlation_id(headers.get("x-correlation-id"))
    offered = credentials(request, request.app.state.settings)
    if offered is Credentials.session:
        authenticator: Authenticator = request.app.state.authenticator
        account = await authenticator.account_for(request.cookies[SESSION_COOKIE])
        request.state.login = account.login if account else None
        request.state.password_change_due = bool(account and account.password_change_due)
        return caller_of(account, correlation_id) if account else None
    if offered is Credentials.bearer:
        _, _, bearer = headers.get("authorization", "").partition(" ")
        return await _bearer_caller(request, bearer.strip(), correlation_id)
    if offered is None:
        return None
    request.state.login = headers.get("x-auszug-user", "dev-koordinatorin")
    try:
        return Caller(
            user_id=headers.get("x-auszug-user", "dev-koordinatorin"),
            role=Role(headers.get("x-auszug-role", Role.coordinator.value)),
            municipality=headers.get("x-auszug-municipality", "koeln"),
            provider=headers.get("x-auszug-provider"),
            correlation_id=correlation_id,
        )
    except (ValueError, ValidationError) as exc:
        raise HTTPException(401, f"Ungültige Entwicklungs-Identität: {exc}") from exc


def token_verifier(request: Request) -> TokenVerifier | None:
    """The app's verifier, made on first use from the settings; None without OIDC."""
    state = request.app.state
    if not hasattr(state, "token_verifier"):
        settings: GatewaySettings = state.settings
        verifier = None
        if settings.oidc_issuer and settings.oidc_audience:
            keys = JwksKeys(
                settings.oidc_issuer,
                settings.oidc_jwks_url,
                refresh_seconds=settings.oidc_key_refresh_seconds,
            )
            verifier = JwksVerifier(
                settings.oidc_issuer, settings.oidc_audience, keys, settings.pseudonym_key
            )
        state.token_verifier = verifier
    found: TokenVerifier | None = state.token_verifier
    return found


async def _bearer_caller(request: Request, token: str, correlation_id: UUID) -> Caller:
    challenge = {"WWW-Authenticate": 'Bearer error="invalid_token"'}
    verifier = token_verifier(request)
    if verifier is None:
        raise HTTPException(401, "Zugangstoken werden hier nicht angenommen.", challenge)
    try:
        identity = await verifier.verify(token)
    except TokenRefused as exc:
        raise HTTPException(401, exc.message, challenge) from exc
    except KeysUnavailable as exc:
        message = "Der Anmeldedienst ist nicht erreichbar. Bitte später erneut versuchen."
        raise HTTPException(503, message) from exc
    request.state.login = identity.login
    await _remember_login(request, identity)
    return identity.caller(correlation_id)


async def _remember_login(request: Request, identity: BearerIdentity) -> None:
    """Note once per process which login a pseudonym belongs to (access log, volunteer
    registration by login); a write on every request would be wasted."""
    state = request.app.state
    if not hasattr(state, "oidc_seen"):
        state.oidc_seen = set()
    seen: set[tuple[str, str, str]] = state.oidc_seen
    key = (identity.user_id, identity.login or "", identity.municipality)
    if not identity.login or key in seen:
        return
    db: Database = request.app.state.db
    async with db.transaction() as conn:
        await users.remember_oidc_login(
            conn, identity.user_id, identity.login, identity.municipality, datetime.now(UTC)
        )
    seen.add(key)


def route_template(request: Request) -> str:
    """The whole path template of the request's route (also in a nested router)."""
    return http_metrics.route_template(request.scope)


def forbidden(message: str) -> RemoteError:
    return RemoteError(RpcError(kind=ErrorKind.forbidden, code="role", message=message))


async def current_caller(request: Request) -> Caller:
    """The identified caller, allowed into this route's area; else 401 or 403."""
    caller = await resolve_caller(request)
    if caller is None:
        raise HTTPException(401, "Anmeldung erforderlich.", {"WWW-Authenticate": "Cookie"})
    # Known before the role is checked: a refusal page keeps the caller's navigation and
    # sign-out (only a 200 is written to the access log, so nothing is recorded for it).
    request.state.caller = caller
    template = route_template(request)
    if not may_call(caller.role, request.method, template):
        raise forbidden("Ihre Rolle hat keinen Zugang zu diesem Bereich.")
    if getattr(request.state, "password_change_due", False) and template not in WHILE_DUE:
        # A one-time password an admin passed on signs in once: to replace it, nothing else.
        if request.url.path.startswith("/ui"):
            raise HTTPException(303, PASSWORD_DUE, {"Location": PASSWORD_PAGE})
        raise forbidden(PASSWORD_DUE)
    changes_via_session = (
        SESSION_COOKIE in request.cookies
        and request.url.path.startswith("/api/")
        and request.method not in csrf.SAFE_METHODS
    )
    if changes_via_session and not csrf.matches(request, request.headers.get(csrf.CSRF_HEADER)):
        raise forbidden("Sicherheitsprüfung fehlgeschlagen (CSRF). Bitte Seite neu laden.")
    return caller


CurrentCaller = Annotated[Caller, Depends(current_caller)]
