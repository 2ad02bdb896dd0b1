"""Wohnintegrationshilfe: prevention cases, their course and aftercare (prevention).

The area's API routes, pages, forms and templates; `routers` is what the app includes.
"""

from __future__ import annotations

from fastapi import APIRouter

routers: list[APIRouter] = []
