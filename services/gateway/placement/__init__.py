"""Wohnungen: landlords, offers, proposals and the steps to a lease (placement).

The area's API routes, pages, forms and templates; `routers` is what the app includes.
"""

from __future__ import annotations

from fastapi import APIRouter

routers: list[APIRouter] = []
