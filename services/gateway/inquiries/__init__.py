"""Posteingang: the inquiries the central office receives and triages (intake).

The area's API routes, pages, forms and templates; `routers` is what the app includes.
"""

from __future__ import annotations

from fastapi import APIRouter

from services.gateway.inquiries import api, inbox, inquiry

routers: list[APIRouter] = [api.router, inbox.router, inquiry.router]
