"""The hidden fields every form of the staff UI posts: the CSRF token (auth/csrf.py) and a
token of its own, drawn when the page is rendered, that the gateway sends as the
idempotency key of the commands the post causes (deps.py), with the values posted
(shared/idempotency.form_key). A double click, or the browser sending the form again
after an error page, repeats both: the service answers the first result instead of
registering a household twice. The same form brought back by the browser's back button
and filled in anew is a new request.

Templates render both with `{{ form_tokens() }}` inside each `<form>`.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

from services.gateway.auth.csrf import CSRF_FIELD

TOKEN_FIELD = "idempotency_token"


def new_token() -> str:
    return secrets.token_urlsafe(16)


def form_token(form: Mapping[str, Any]) -> str | None:
    """The token a posted form carries, if any (an uploaded file is no token)."""
    token = form.get(TOKEN_FIELD)
    return token if isinstance(token, str) and token else None


@pass_context
def form_tokens(context: Context) -> Any:
    """The two hidden inputs of one form; every call draws a new token, so two forms of a
    page never share one. Rendered by a template macro, never built as markup here."""
    hidden = context.environment.get_template("formular_schluessel.html").module.hidden  # type: ignore[attr-defined]
    return hidden(CSRF_FIELD, context.get("csrf_token") or "", TOKEN_FIELD, new_token())
