"""The staff UI's sign-in through the city's OpenID provider (authorization code + PKCE).

GET /ui/anmelden/oidc sends the browser to the provider; the provider sends it back to
GET /ui/anmelden/oidc/rueckkehr with a code, which becomes the same server-side session
a password opens. Whatever goes wrong ends on the sign-in page with the reason and
without a session.
"""

from __future__ import annotations

from urllib.parse import urljoin

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from services.gateway.auth.authenticator import Authenticator
from services.gateway.auth.cookies import start_session
from services.gateway.auth.jwks import JwksKeys, KeysUnavailable
from services.gateway.auth.oidc import JwksVerifier, TokenRefused
from services.gateway.auth.oidc_flow import FLOW_COOKIE, FLOW_PATH, FLOW_SECONDS, Flow, FlowCookie
from services.gateway.auth.oidc_login import UNREACHABLE, OidcLogin, SignInFailed, same_person
from services.gateway.auth.oidc_sessions import (
    close_returning_id_token,
    end_session_url,
    open_oidc_session,
)
from services.gateway.auth.pseudonyms import oidc_user_id
from services.gateway.identity import SESSION_COOKIE, token_verifier
from services.gateway.settings import GatewaySettings
from services.gateway.web.templating import render

router = APIRouter(include_in_schema=False)
SIGN_IN_PAGE = "/ui/anmelden"


def oidc_login(request: Request) -> OidcLogin | None:
    """The app's browser sign-in, made on first use; None unless configured."""
    state = request.app.state
    if not hasattr(state, "oidc_login"):
        settings: GatewaySettings = state.settings
        login = None
        if settings.oidc_browser_sign_in:
            assert settings.oidc_issuer and settings.oidc_client_id and settings.oidc_redirect_url
            verifier = token_verifier(request)
            # The bearer path's keys: one cache, one rate limit against the provider.
            keys = (
                verifier.keys
                if isinstance(verifier, JwksVerifier)
                else JwksKeys(settings.oidc_issuer, settings.oidc_jwks_url)
            )
            login = OidcLogin(
                settings.oidc_issuer,
                settings.oidc_client_id,
                settings.oidc_client_secret,
                settings.oidc_redirect_url,
                keys,
            )
        state.oidc_login = login
    found: OidcLogin | None = state.oidc_login
    return found


def _flow_cookies(request: Request) -> FlowCookie:
    settings: GatewaySettings = request.app.state.settings
    return FlowCookie(settings.secret_key)


def _failed(request: Request, message: str) -> Response:
    response = render(request, "anmelden.html", {"login": "", "error": message}, status_code=401)
    response.delete_cookie(FLOW_COOKIE, path=FLOW_PATH)
    return response


@router.get(FLOW_PATH)
async def start(request: Request) -> Response:
    """Off to the provider, with this sign-in's state, nonce and verifier in a cookie."""
    login = oidc_login(request)
    if login is None:
        raise HTTPException(404, "Die Anmeldung mit dem Konto der Stadt ist nicht eingerichtet.")
    flow = Flow.new()
    try:
        url = await login.authorization_url(flow)
    except SignInFailed as exc:
        return _failed(request, exc.message)
    response = RedirectResponse(url, status_code=303)
    response.set_cookie(
        FLOW_COOKIE,
        _flow_cookies(request).dump(flow),
        max_age=FLOW_SECONDS,
        path=FLOW_PATH,
        httponly=True,
        samesite="lax",
        secure=request.app.state.settings.secure_cookies,
    )
    return response


@router.get(FLOW_PATH + "/rueckkehr")
async def come_back(request: Request) -> Response:
    """The provider's answer: a code for this very sign-in becomes a session."""
    login = oidc_login(request)
    if login is None:
        raise HTTPException(404, "Die Anmeldung mit dem Konto der Stadt ist nicht eingerichtet.")
    params = request.query_params
    flow = _flow_cookies(request).load(request.cookies.get(FLOW_COOKIE))
    if flow is None or params.get("state") != flow.state:
        return _failed(request, "Die Anmeldung ist abgelaufen oder wurde nicht hier begonnen.")
    if "error" in params or not params.get("code"):
        return _failed(request, "Die Anmeldung bei der Stadt wurde abgebrochen.")
    settings: GatewaySettings = request.app.state.settings
    verifier = token_verifier(request)
    authenticator: Authenticator = request.app.state.authenticator
    try:
        tokens = await login.exchange(flow, params["code"])
        if verifier is None:
            raise SignInFailed("Zugangstoken werden hier nicht angenommen.")
        identity = same_person(
            await verifier.verify(tokens.access_token),
            oidc_user_id(settings.pseudonym_key, tokens.subject),
        )
        session_token = await open_oidc_session(authenticator, identity, tokens.id_token)
    except SignInFailed as exc:
        return _failed(request, exc.message)
    except TokenRefused as exc:
        return _failed(request, exc.message)
    except KeysUnavailable:
        return _failed(request, UNREACHABLE)
    previous = request.cookies.get(SESSION_COOKIE)
    if previous:
        await authenticator.sign_out(previous)
    response = RedirectResponse("/ui/start", status_code=303)
    start_session(request, response, session_token)
    response.delete_cookie(FLOW_COOKIE, path=FLOW_PATH)
    return response


async def sign_out_location(request: Request) -> str:
    """End this browser's session; where to go then: the provider's logout when the
    session began there and the provider offers one, else the sign-in page."""
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return SIGN_IN_PAGE
    authenticator: Authenticator = request.app.state.authenticator
    id_token = await close_returning_id_token(authenticator, token)
    login = oidc_login(request)
    if id_token is None or login is None:
        return SIGN_IN_PAGE
    try:
        endpoint = (await login.endpoints()).end_session
    except SignInFailed:
        endpoint = None
    if not endpoint:
        return SIGN_IN_PAGE
    back_to = urljoin(login.redirect_url, SIGN_IN_PAGE)
    return end_session_url(endpoint, id_token, login.client_id, back_to)
