"""Haushalte: a household's case (intake), its consents, disclosures, access log and the Art. 15
document; the case list (navigation: Fälle, Haushalt aufnehmen).

The area's API routes, pages, forms and templates; `routers` is what the app includes.
"""

from __future__ import annotations

from fastapi import APIRouter

from services.gateway.households import (
    access_log,
    api,
    case_list,
    consents,
    disclosure_document,
    documents,
    master_data,
    member_erasure,
    notes,
    page,
    posts,
    registration,
    responsible,
    search,
)

routers: list[APIRouter] = [
    api.router,
    access_log.router,
    disclosure_document.router,
    case_list.router,
    search.router,
    # Before the household's page: "neu" is no household id.
    registration.router,
    page.router,
    posts.router,
    consents.router,
    member_erasure.router,
    responsible.router,
    responsible.api_router,
    master_data.router,
    notes.router,
    notes.api_router,
    documents.router,
    documents.api_router,
]
