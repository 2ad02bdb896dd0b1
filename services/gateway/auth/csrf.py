"""CSRF protection by double submit: a random token in a cookie the page's script and
forms can read, repeated in a form field or the `x-csrf-token` header.

Another site can make a browser send our cookies but cannot read them, so it cannot
repeat the token. SameSite=Lax on the session cookie is the second fence.
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import Request, Response

CSRF_COOKIE = "auszug_csrf"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def csrf_token(request: Request) -> str:
    """The request's token (from its cookie) or a new one; `ensure_cookie` sets it."""
    existing = request.cookies.get(CSRF_COOKIE)
    if existing and 20 <= len(existing) <= 100:
        return existing
    token: str | None = getattr(request.state, "new_csrf_token", None)
    if token is None:
        token = secrets.token_urlsafe(32)
        request.state.new_csrf_token = token
    return token


def ensure_cookie(request: Request, response: Response, secure: bool) -> None:
    """Send the token cookie if this request made a new one."""
    token = getattr(request.state, "new_csrf_token", None)
    if token:
        response.set_cookie(
            CSRF_COOKIE, token, httponly=False, samesite="lax", secure=secure, path="/"
        )


def matches(request: Request, submitted: str | None) -> bool:
    """The submitted token equals the cookie's (compared in constant time)."""
    cookie = request.cookies.get(CSRF_COOKIE)
    return bool(cookie and submitted and hmac.compare_digest(cookie, submitted))
