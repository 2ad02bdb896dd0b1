"""Jinja2 templates of the staff UI, with the helpers every page uses.

A page's template lives with its area (`services/gateway/<area>/templates/`) and is named
with the area first: `render(request, "placement/offer.html", …)`. The kit's own templates
(the base page, the error page, sign-in, form macros) are found by their bare name.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader

from services.gateway.auth import csrf
from services.gateway.web import i18n, labels
from services.gateway.web.form_tokens import form_tokens

CONTEXTS = ("intake", "placement", "prevention", "reporting", "volunteer")
GATEWAY = Path(__file__).parent.parent
KIT_TEMPLATES = Path(__file__).parent / "templates"
# Each area package with a templates/ folder: its name is the prefix of its templates.
AREA_TEMPLATES = {
    path.parent.name: path for path in sorted(GATEWAY.glob("*/templates")) if path != KIT_TEMPLATES
}

templates = Jinja2Templates(
    env=Environment(
        loader=ChoiceLoader(
            [
                FileSystemLoader(KIT_TEMPLATES),
                PrefixLoader(
                    {area: FileSystemLoader(path) for area, path in AREA_TEMPLATES.items()}
                ),
            ]
        ),
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
# Each context's words for its codes (shared/contracts/<context>/labels.py), the same
# tables the exports and reporting read: `{{ label(placement_labels.OFFER_STATUS, code) }}`.
for _context in CONTEXTS:
    templates.env.globals[f"{_context}_labels"] = importlib.import_module(
        f"shared.contracts.{_context}.labels"
    )
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
