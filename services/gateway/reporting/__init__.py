"""Jahresbericht: the council's figures, their drill-downs and documents; the caseboard (reporting).

The area's API routes, pages, forms and templates; `routers` is what the app includes.
"""

from __future__ import annotations

from fastapi import APIRouter

routers: list[APIRouter] = []
