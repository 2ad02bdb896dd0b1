"""Who is calling the gateway, and may they call this route at all.

In this order:
1. a session cookie (staff signed in with a password, see auth/authenticator.py): the
   session decides, also in development; for changes (POST/PUT/DELETE) the CSRF token
   must come along in the `x-csrf-token` header (the UI's forms check their own field);
2. in development and test only: the identity in headers `x-auszug-user` / `-role` /
   `-municipality` / `-provider` (default: a coordinator of Köln);
3. otherwise 401. Production knows only sessions (and, later, OpenID Connect bearer
   tokens: see README.md).

Then the gateway's coarse role policy (policy.py) refuses whole areas with 403.
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID, uuid4

from fastapi import Depends, HTTPException, Request
from pydantic import ValidationError

from services.gateway.adapters.users import Account
from services.gateway.auth import csrf
from services.gateway.auth.authenticator import Authenticator
from services.gateway.policy import may_call
from shared import http_metrics
from shared.identity import Caller, Role
from shared.rpc import ErrorKind, RemoteError, RpcError

SESSION_COOKIE = "auszug_session"


def _correlation_id(value: str | None) -> UUID:
    try:
        return UUID(value) if value else uuid4()
    except ValueError:
        return uuid4()


def caller_of(account: Account, correlation_id: UUID) -> Caller:
    return Caller(
        user_id=account.login,
        role=account.role,
        municipality=account.municipality,
        provider=account.provider,
        correlation_id=correlation_id,
    )


async def resolve_caller(request: Request) -> Caller | None:
    """The caller of this request, or None when nobody is identified."""
    headers = request.headers
    correlation_id = _correlation_id(headers.get("x-correlation-id"))
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        authenticator: Authenticator = request.app.state.authenticator
        account = await authenticator.account_for(token)
        return caller_of(account, correlation_id) if account else None
    if not request.app.state.settings.development_identity:
        return None
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
    if not may_call(caller.role, request.method, route_template(request)):
        raise forbidden("Ihre Rolle hat keinen Zugang zu diesem Bereich.")
    changes_via_session = (
        SESSION_COOKIE in request.cookies
        and request.url.path.startswith("/api/")
        and request.method not in csrf.SAFE_METHODS
    )
    if changes_via_session and not csrf.matches(request, request.headers.get(csrf.CSRF_HEADER)):
        raise forbidden("Sicherheitsprüfung fehlgeschlagen (CSRF). Bitte Seite neu laden.")
    request.state.caller = caller
    return caller


CurrentCaller = Annotated[Caller, Depends(current_caller)]
