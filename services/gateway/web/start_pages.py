"""Where each role starts (finding 12): the page its day's work begins on. `/ui` sends a
role there; the error page's "Zur Übersicht" leads there too."""

from __future__ import annotations

from shared.identity import Role

CASE_LIST = "/ui"
START_PAGES: dict[Role, str] = {
    Role.coordinator: CASE_LIST,
    Role.caseworker: CASE_LIST,  # "Meine Fälle"
    Role.admin: CASE_LIST,
    Role.volunteer: "/ui/tandems",
    Role.housing_office: "/ui/praevention",  # the Fachstelle Wohnen's cases
    Role.analyst: "/ui/bericht",
}


def start_page(role: Role | None) -> str:
    """The role's start page; signed out, the case list (which asks to sign in)."""
    return START_PAGES.get(role, CASE_LIST) if role is not None else CASE_LIST
