"""Where each role starts (finding 12): the page its day's work begins on. Signing in
leads to `/ui/start`, which sends a role there; `/ui` sends a role that sees no case list
there; the error page's "Zur Übersicht" leads there too. Whoever works on due steps
starts on "Heute" (issue 15); the case list stays at `/ui` ("Fälle")."""

from __future__ import annotations

from shared.identity import Role

CASE_LIST = "/ui"
TODAY = "/ui/heute"
# The roles the case list (reporting's caseboard) is for.
CASE_LIST_ROLES = frozenset({Role.coordinator, Role.caseworker, Role.admin})
START_PAGES: dict[Role, str] = {
    Role.coordinator: TODAY,
    Role.caseworker: TODAY,
    Role.admin: CASE_LIST,
    Role.volunteer: "/ui/tandems",
    Role.housing_office: TODAY,  # the Fachstelle Wohnen's due steps
    Role.analyst: "/ui/bericht",
}


def start_page(role: Role | None) -> str:
    """The role's start page; signed out, the case list (which asks to sign in)."""
    return START_PAGES.get(role, CASE_LIST) if role is not None else CASE_LIST
