"""Jahresbericht: the council's figures, their drill-downs and documents; the caseboard (reporting).

The area's API routes, pages, forms and templates; `routers` is what the app includes.
"""

from __future__ import annotations

from fastapi import APIRouter

from services.gateway.reporting import (
    api,
    caseboard,
    drilldown,
    follow_ups_api,
    today,
    yearly_report,
)

routers: list[APIRouter] = [
    caseboard.router,
    api.router,
    yearly_report.router,
    drilldown.router,
    follow_ups_api.router,
    today.router,
]
