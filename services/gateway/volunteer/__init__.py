"""Ehrenamt: volunteers, tandems, office hours, consultations and workshops (volunteer);
a volunteer's own tandems (Meine Tandems).

The area's API routes, pages, forms and templates; `routers` is what the app includes:
the API (api.py) and the pages under /ui/ehrenamt and /ui/tandems, one module each.
"""

from __future__ import annotations

from fastapi import APIRouter

from services.gateway.volunteer import (
    api,
    consultation_appointments,
    documents,
    notes,
    office_hours,
    overview,
    own_tandems,
    tandems,
    volunteers,
    workshops,
)

routers: list[APIRouter] = [
    api.router,
    notes.router,
    documents.router,
    documents.api_router,
    overview.router,
    volunteers.router,
    tandems.router,
    office_hours.router,
    workshops.router,
    own_tandems.router,
    consultation_appointments.router,
]
