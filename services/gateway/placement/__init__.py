"""Wohnungen: landlords, offers, proposals and the steps to a lease (placement).

The area's API routes, pages, forms and templates; `routers` is what the app includes.
"""

from __future__ import annotations

from fastapi import APIRouter

from services.gateway.placement import api, offer_documents, offer_notes, offers

routers: list[APIRouter] = [
    api.router,
    offers.router,
    offer_notes.api_router,
    offer_documents.api_router,
]
