"""Jinja2 templates of the staff UI, with the helpers every page uses."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from services.gateway.auth import csrf
from services.gateway.ui import labels

BERLIN = ZoneInfo("Europe/Berlin")
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


def _german_date(value: date | datetime | None) -> str:
    if value is None:
        return "–"
    if isinstance(value, datetime):
        return value.astimezone(BERLIN).strftime("%d.%m.%Y, %H:%M Uhr")
    return value.strftime("%d.%m.%Y")


templates.env.filters["datum"] = _german_date
templates.env.globals["labels"] = labels
templates.env.globals["label"] = labels.label


def render(
    request: Request, name: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    """The page `name`, with the CSRF token for its forms and the caller for its header."""
    token = csrf.csrf_token(request)
    response = templates.TemplateResponse(
        request,
        name,
        {"csrf_token": token, "caller": getattr(request.state, "caller", None), **context},
        status_code=status_code,
    )
    csrf.ensure_cookie(request, response, request.app.state.settings.secure_cookies)
    return response
