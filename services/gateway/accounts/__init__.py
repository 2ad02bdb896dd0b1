"""Accounts in the UI (issue 16): the admin of a municipality creates and manages its
staff accounts on „Konten“ instead of `python -m services.gateway.users`."""

from __future__ import annotations

from fastapi import APIRouter

from services.gateway.accounts import pages

routers: list[APIRouter] = [pages.router]
