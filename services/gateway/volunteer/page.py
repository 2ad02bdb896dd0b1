"""A page of the volunteer programme with its form's refusal: the messages beside the fields
or above the form, and the refusal's status. How a form is sent and refused is
services/gateway/web/submit.py; the words for volunteer's codes are the Jinja global
`volunteer_labels` (shared/contracts/volunteer/labels.py)."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from services.gateway.web.submit import Refusal
from services.gateway.web.templating import render


def page(
    request: Request,
    name: str,
    context: dict[str, Any],
    refusal: Refusal | None = None,
) -> HTMLResponse:
    """The template `name` with a refusal's messages and status."""
    shown = refusal or Refusal(200)
    full = {"errors": shown.errors, "general": shown.general, **context}
    return render(request, name, full, status_code=shown.status)
