"""Wohnintegrationshilfe: prevention cases, their course and aftercare (prevention).

The area's API routes (api.py), pages (cases.py, case.py, referral.py, aftercare.py),
their forms (steps.py, help_steps.py, actions.py) and templates; `routers` is what the
app includes.
"""

from __future__ import annotations

from fastapi import APIRouter

from services.gateway.prevention import api, cases, documents, notes

routers: list[APIRouter] = [api.router, cases.router, notes.api_router, documents.api_router]
