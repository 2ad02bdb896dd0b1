"""Änderungen: who changed what on a household, an offer, a prevention case or a
volunteer — a page per subject, linked from its page, and the API's twins (pages.py).

The area's API routes, pages and templates; `routers` is what the app includes.
"""

from __future__ import annotations

from fastapi import APIRouter

from services.gateway.history import pages

routers: list[APIRouter] = [pages.router, pages.api_router]
