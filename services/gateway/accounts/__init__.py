"""Accounts in the UI (issue 16): the admin of a municipality creates and manages its
staff accounts on „Konten“ instead of `python -m services.gateway.users`; a person
replaces the one-time password they were given on „Passwort ändern“."""

from __future__ import annotations

from fastapi import APIRouter

from services.gateway.accounts import pages, password

routers: list[APIRouter] = [pages.router, password.router]
