"""Wiedervorlagen: written follow-ups on the page of a household, an inquiry and a
prevention case (the section and its forms) and their JSON API. The due list of every
follow-up, the "Heute" page, is reporting's.

The area's API routes, pages, forms and templates; `routers` is what the app includes.
"""

from __future__ import annotations

from fastapi import APIRouter

from services.gateway.follow_ups import api, pages

routers: list[APIRouter] = [
    api.households_router,
    api.inquiries_router,
    api.cases_router,
    api.offers_router,
    api.volunteers_router,
    pages.router,
]
