"""The staff UI's rows of the permission matrix, one file per area of pages; the core
area's (the household page's actions) stand here."""

from __future__ import annotations

from permission_matrix_ui_inquiries import ROWS as UI_INQUIRIES
from permission_matrix_ui_offers import ROWS as UI_OFFERS
from permission_matrix_ui_prevention import ROWS as UI_PREVENTION
from permission_matrix_ui_volunteering import ROWS as UI_VOLUNTEERING

__all__ = ["UI_CORE", "UI_INQUIRIES", "UI_OFFERS", "UI_PREVENTION", "UI_VOLUNTEERING"]

Status = int | tuple[int, int, int, int]
ROLES = ("coordinator", "caseworker", "housing_office", "volunteer", "analyst", "admin")
HOUSEHOLD_ACTIONS = (
    "wohnfaehigkeit",
    "zusammensetzung",
    "unterkunft",
    "abmeldung",
    "uebergabe",
    "einschraenkung",
    "einschraenkung/aufheben",
    "loeschung",
    "doppelfaelle/{other_id}/{decision}",
)

# The matrix posts no CSRF token: every form post is 403 for everyone (the roles the
# policy lets through into /ui/haushalte are refused by the token check).
UI_CORE: dict[str, dict[str, Status]] = {
    f"POST /ui/haushalte/{{household_id}}/{action}": dict.fromkeys(ROLES, 403)
    for action in HOUSEHOLD_ACTIONS
}
