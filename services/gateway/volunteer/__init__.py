"""Ehrenamt: volunteers, tandems, office hours, consultations and workshops (volunteer);
a volunteer's own tandems (Meine Tandems).

The area's API routes, pages, forms and templates; `routers` is what the app includes.
"""

from __future__ import annotations

from fastapi import APIRouter

routers: list[APIRouter] = []
