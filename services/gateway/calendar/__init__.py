"""Appointments (issue 15): the page "Termine" (`/ui/termine`) and each person's
iCalendar feed (`/kalender/{token}.ics`), merged from the owning contexts' `APPOINTMENTS`
queries (shared/contracts/appointments.py); `routers` is what the app includes."""

from __future__ import annotations

from fastapi import APIRouter

from services.gateway.calendar import feed, pages

routers: list[APIRouter] = [pages.router, feed.router]
