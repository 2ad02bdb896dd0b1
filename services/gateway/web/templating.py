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
from services.gateway.web import i18n, labels, notices, pickers
from services.gateway.web.form_tokens import form_tokens
from services.gateway.web.household_title import card_head, card_title
from services.gateway.web.match_reason import check_reason
from services.gateway.web.start_pages import start_page
from shared.contracts import places

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
templates.env.globals["start_page"] = start_page


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


def page_url(request: Request, **changes: object) -> str:
    """This page's URL with some query parameters changed: filters, sorting and page stay
    in the URL, so a list can be bookmarked, shared and reloaded as it was."""
    params = dict(request.query_params)
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = str(value)
    url = request.url.replace_query_params(**params)
    return f"{url.path}?{url.query}" if url.query else url.path


templates.env.globals["page_url"] = page_url
templates.env.globals["picks_by_name"] = pickers.picks_by_name
# Names instead of codes (shared/contracts/places.py): `{{ provider_name(code) }}`.
templates.env.globals["places"] = places
templates.env.globals["provider_name"] = places.provider_name
templates.env.globals["district_name"] = places.district_name
templates.env.globals["municipality_name"] = places.municipality_name
templates.env.globals["language_names"] = i18n.language_names
templates.env.globals["notice_shown"] = notices.shown
templates.env.globals["card_title"] = card_title
templates.env.globals["card_head"] = card_head
templates.env.globals["check_reason"] = check_reason
