"""The staff web UI: server-rendered German pages, plain forms, no script needed.

Every page takes its caller exactly like the API (identity.py) and asks the services
over the same RPC, so the services' rules (provider scoping, roles) hold for the UI too.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from services.gateway.auth.cookies import end_session, start_session
from services.gateway.auth.oidc_sign_in import sign_out_location
from services.gateway.auth.session_api import sign_in_or_raise
from services.gateway.web.security import checked_form
from services.gateway.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/")
async def root() -> RedirectResponse:
    return RedirectResponse("/ui", status_code=303)


@router.get("/ui/anmelden", response_class=HTMLResponse)
async def sign_in_page(request: Request) -> HTMLResponse:
    return render(request, "anmelden.html", {"login": "", "error": None})


@router.post("/ui/anmelden", response_class=HTMLResponse)
async def sign_in(request: Request) -> Response:
    form = await checked_form(request)
    login = form.get("login", "").strip()
    try:
        await sign_in_or_raise(request, login, form.get("password", ""))
    except HTTPException as exc:
        context = {"login": login, "error": exc.detail}
        return render(request, "anmelden.html", context, status_code=exc.status_code)
    # Each role's day begins on its own page (web/start_pages.py).
    response = RedirectResponse("/ui/start", status_code=303)
    start_session(request, response, request.state.session_token)
    return response


@router.post("/ui/abmelden")
async def sign_out(request: Request) -> Response:
    await checked_form(request)
    # A session begun at the city's OpenID provider ends there too.
    response = RedirectResponse(await sign_out_location(request), status_code=303)
    end_session(response)
    return response


def install(app: FastAPI) -> None:
    """Add the UI's routes and its static files to the gateway."""
    app.include_router(router)
    static = Path(__file__).parent.parent / "web" / "static"
    app.mount("/ui/static", StaticFiles(directory=static), name="ui-static")
