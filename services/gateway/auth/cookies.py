"""The session cookie: opaque, HttpOnly, SameSite=Lax, Secure outside development."""

from __future__ import annotations

from fastapi import Request, Response

from services.gateway.auth import csrf
from services.gateway.identity import SESSION_COOKIE
from services.gateway.settings import GatewaySettings


def start_session(request: Request, response: Response, token: str) -> None:
    """Set the session cookie and a fresh CSRF token (a new session gets a new one)."""
    settings: GatewaySettings = request.app.state.settings
    secure = settings.secure_cookies
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(settings.session_hours * 3600),
        httponly=True,
        samesite="lax",
        secure=secure,
        path="/",
    )
    request.state.new_csrf_token = None
    request.cookies.pop(csrf.CSRF_COOKIE, None)
    csrf.csrf_token(request)
    csrf.ensure_cookie(request, response, secure)


def end_session(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(csrf.CSRF_COOKIE, path="/")
