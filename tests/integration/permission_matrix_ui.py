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
HOUSEHOLD_FORMS = (
    "wohnfaehigkeit",
    "zusammensetzung",
    "unterkunft",
    "abmeldung",
    "uebergabe",
    "einschraenkung",
    "loeschung",
    "mitglieder/{member_id}/loeschung",
    # Keep current: rectification and needs (master_data.py); empty, each lacks its
    # version or its day (422).
    "stammdaten",
    "bedarf",
    # A case note (web/notes.py); empty, it lacks its kind and text (422).
    "notizen",
)


# Each form is posted empty with its CSRF token (test_gateway_permissions.py). The gateway
# lets only case staff into /ui/haushalte and keeps the admin from every change: 403.
# The page then asks intake for the household (erased by the API's erasure row before,
# still there for its provider and the coordination): the other provider's caseworker
# and the other town hear 404, as for no household at all. For everyone else an empty
# form is incomplete (422) — on the coordination's forms (hand-over, restriction,
# erasure) too: intake's 403 answers a complete form, as in the API.
OWN_PROVIDER = (422, 404, 404, 404)
MUNICIPALITY = (422, 422, 404, 404)


def _staff(coordinator: Status, caseworker: Status) -> dict[str, Status]:
    return dict.fromkeys(ROLES, 403) | {"coordinator": coordinator, "caseworker": caseworker}


UI_CORE: dict[str, dict[str, Status]] = {
    **{
        f"POST /ui/haushalte/{{household_id}}/{form}": _staff(MUNICIPALITY, OWN_PROVIDER)
        for form in HOUSEHOLD_FORMS
    },
    # No fields, so intake decides at once: lifting is the coordination's (403 for the
    # own caseworker), and a household that is not restricted cannot be lifted (409).
    "POST /ui/haushalte/{household_id}/einschraenkung/aufheben": _staff(
        (409, 409, 404, 404), (403, 404, 404, 404)
    ),
    # The other household of the pair is unknown (404); deciding is the coordination's.
    "POST /ui/haushalte/{household_id}/doppelfaelle/{other_id}/{decision}": _staff(
        404, (403, 404, 404, 404)
    ),
    # "Nobody" is a complete choice: intake refuses it for the household the matrix erased
    # before (409); the other provider and town do not find it (404).
    "POST /ui/haushalte/{household_id}/zustaendig": _staff(
        (409, 409, 404, 404), (409, 404, 404, 404)
    ),
}
