"""Sign-in and sign-out for API clients and scripts; the browser UI has its own form."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, Response
from pydantic import BaseModel, Field

from services.gateway.auth.authenticator import Authenticator, Throttled
from services.gateway.auth.cookies import end_session, start_session
from services.gateway.deps import CurrentCaller
from services.gateway.identity import SESSION_COOKIE
from shared.identity import Role

router = APIRouter(prefix="/api/session", tags=["Anmeldung"])


class SignIn(BaseModel):
    login: str = Field(min_length=1, max_length=120, description="Anmeldename")
    password: str = Field(min_length=1, max_length=1024, description="Passwort")


class Me(BaseModel):
    user_id: str = Field(description="Pseudonyme Kennung, unter der die Dienste Sie kennen")
    login: str | None = Field(description="Anmeldename (bleibt im Gateway)")
    role: Role
    municipality: str
    provider: str | None


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unbekannt"


async def sign_in_or_raise(request: Request, login: str, password: str) -> Me:
    """Sign in and set the cookies on `request.state.response`; 401 or 429 otherwise."""
    authenticator: Authenticator = request.app.state.authenticator
    if not login.isprintable():
        # No account has a control character in its login, and PostgreSQL refuses a NUL
        # in a query: answered like any unknown login, without asking the database.
        raise HTTPException(401, "Anmeldename oder Passwort ist falsch.")
    try:
        signed_in = await authenticator.sign_in(login, password, client_ip(request))
    except Throttled as exc:
        raise HTTPException(
            429, exc.message, {"Retry-After": str(exc.retry_after_seconds)}
        ) from exc
    if signed_in is None:
        raise HTTPException(401, "Anmeldename oder Passwort ist falsch.")
    account = signed_in.account
    request.state.session_token = signed_in.token
    return Me(
        user_id=str(account.user_id),
        login=account.login,
        role=account.role,
        municipality=account.municipality,
        provider=account.provider,
    )


@router.post(
    "",
    response_model=Me,
    summary="Anmelden",
    responses={
        401: {"description": "Anmeldename oder Passwort ist falsch."},
        429: {
            "description": "Zu viele fehlgeschlagene Anmeldungen oder gerade zu viele auf "
            "einmal; `Retry-After` sagt, wie lange."
        },
    },
)
async def sign_in(body: SignIn, request: Request, response: Response) -> Me:
    """Mit Anmeldename und Passwort anmelden; setzt das Sitzungs-Cookie.

    Änderungen (POST/PUT/DELETE) brauchen danach den Wert des Cookies `auszug_csrf` im
    Kopf `x-csrf-token`.
    """
    me = await sign_in_or_raise(request, body.login, body.password)
    start_session(request, response, request.state.session_token)
    return me


@router.get("", response_model=Me, summary="Wer bin ich?")
async def who_am_i(caller: CurrentCaller, request: Request) -> Me:
    """Die angemeldete Person mit Rolle, Kommune und Träger."""
    return Me(
        user_id=caller.user_id,
        login=getattr(request.state, "login", None),
        role=caller.role,
        municipality=caller.municipality,
        provider=caller.provider,
    )


@router.delete("", status_code=204, summary="Abmelden")
async def sign_out(caller: CurrentCaller, request: Request) -> Response:
    """Abmelden: die Sitzung endet sofort, auch für Kopien des Cookies."""
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        authenticator: Authenticator = request.app.state.authenticator
        await authenticator.sign_out(token)
    response = Response(status_code=204)
    end_session(response)
    return response
