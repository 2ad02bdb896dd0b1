"""Jinja2 templates of the staff UI, with the helpers every page uses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from services.gateway.auth import csrf
from services.gateway.ui import i18n, labels
from services.gateway.ui.form_tokens import form_tokens

templates = Jinja2Templates(
    env=Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
    )
)
# newstyle: `_("… %(n)s", n=x)` formats after translating and escapes its arguments.
templates.env.install_gettext_callables(  # type: ignore[attr-defined]
    i18n.gettext, i18n.ngettext, newstyle=True
)
i18n.install(templates.env.globals, templates.env.filters)
templates.env.globals["labels"] = labels
templates.env.globals["label"] = labels.label
templates.env.globals["form_tokens"] = form_tokens


def render(
    request: Request, name: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    """The page `name`, with the CSRF token for its forms (`form_tokens()` renders it with
    each form's idempotency token) and the caller for its header."""
    token = csrf.csrf_token(request)
    response = templates.TemplateResponse(
        request,
        name,
        {"csrf_token": token, "caller": getattr(request.state, "caller", None), **context},
        status_code=status_code,
    )
    csrf.ensure_cookie(request, response, request.app.state.settings.secure_cookies)
    return response
