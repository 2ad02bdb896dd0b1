"""A page of the volunteer programme with its form's refusal: the volunteer labels, the
messages beside the fields or above the form, and the refusal's status. How a form is
sent and refused is services/gateway/ui/submit.py."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from services.gateway.ui import labels_volunteer
from services.gateway.web.submit import Refusal
from services.gateway.web.templating import render


def page(
    request: Request,
    name: str,
    context: dict[str, Any],
    refusal: Refusal | None = None,
) -> HTMLResponse:
    """The template `name` with the volunteer labels, and a refusal's messages and status."""
    shown = refusal or Refusal(200)
    full = {"lv": labels_volunteer, "errors": shown.errors, "general": shown.general, **context}
    return render(request, name, full, status_code=shown.status)
