"""Briefe: the coordination's page of letter templates (`/ui/briefvorlagen`, every kind of
every owner) and how a page's button answers with a written letter (`download.py`).

The area's pages and templates; `routers` is what the app includes.
"""

from __future__ import annotations

from fastapi import APIRouter

from services.gateway.letters import pages

routers: list[APIRouter] = [pages.router]
