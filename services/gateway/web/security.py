"""CSRF check for the UI's form posts (double submit, see auth/csrf.py)."""

from __future__ import annotations

from fastapi import Request

from services.gateway.auth import csrf
from services.gateway.identity import forbidden


async def checked_form(request: Request) -> dict[str, str]:
    """The posted form's text fields, once its CSRF token matches the cookie's; else 403."""
    form = await request.form()
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    if not csrf.matches(request, fields.get(csrf.CSRF_FIELD)):
        raise forbidden("Sicherheitsprüfung fehlgeschlagen (CSRF). Bitte Seite neu laden.")
    return fields
