"""Expected statuses of the volunteer programme's pages (see permission_matrix.py).

Case staff (coordinator, caseworker, admin) reach /ui/ehrenamt, a volunteer only
/ui/tandems. Every id in the matrix is unknown to the volunteer service, so a page of
one thing answers 404. The forms are posted empty with the CSRF token: the gateway
refuses the admin's and the other roles' posts (403); for coordinator and caseworker a
new thing's form (and ending a tandem, checked before the tandem is looked up) is
incomplete (422), one about an unknown thing 404; for a volunteer an unknown tandem, 404.
"""

from __future__ import annotations

Row = dict[str, int | tuple[int, int, int, int]]
ROLES = ("coordinator", "caseworker", "housing_office", "volunteer", "analyst", "admin")
STAFF = ("coordinator", "caseworker", "admin")


def _only(roles: tuple[str, ...], status: int) -> Row:
    return {role: status if role in roles else 403 for role in ROLES}


_STAFF_PAGES = (
    "/ui/ehrenamt",
    "/ui/ehrenamt/ehrenamtliche/neu",
    "/ui/ehrenamt/tandems/neu",
    "/ui/ehrenamt/sprechstunden/neu",
    "/ui/ehrenamt/workshops/neu",
    "/ui/ehrenamt/einzeltermine/neu",
)
_STAFF_ONE_THING = (
    "/ui/ehrenamt/ehrenamtliche/{volunteer_id}",
    "/ui/ehrenamt/sprechstunden/{office_hour_id}",
    "/ui/ehrenamt/workshops/{workshop_id}",
    # An individual consultation's open appointment (move, cancel): unknown, as is another
    # provider's.
    "/ui/ehrenamt/einzeltermine/{appointment_id}",
)
_INCOMPLETE = (
    "/ui/ehrenamt/ehrenamtliche/neu",
    "/ui/ehrenamt/tandems/neu",
    "/ui/ehrenamt/tandems/{tandem_id}/ende",
    "/ui/ehrenamt/beratungen",
    "/ui/ehrenamt/sprechstunden/neu",
    "/ui/ehrenamt/workshops/neu",
    "/ui/ehrenamt/einzeltermine/neu",
)
_UNKNOWN = (
    "/ui/ehrenamt/ehrenamtliche/{volunteer_id}/einstieg",
    "/ui/ehrenamt/ehrenamtliche/{volunteer_id}/loeschung",
    # A case note on the volunteer (incomplete, then its page: the volunteer is unknown).
    "/ui/ehrenamt/ehrenamtliche/{volunteer_id}/notizen",
    "/ui/ehrenamt/sprechstunden/{office_hour_id}/beratungen",
    "/ui/ehrenamt/workshops/{workshop_id}/teilnahmen",
    "/ui/ehrenamt/workshops/{workshop_id}/bestaetigungen",
    "/ui/ehrenamt/einzeltermine/{appointment_id}",
    "/ui/ehrenamt/einzeltermine/{appointment_id}/absagen",
)
_MANAGERS = ("coordinator", "caseworker")

ROWS: dict[str, Row] = {
    **{f"GET {path}": _only(STAFF, 200) for path in _STAFF_PAGES},
    **{f"GET {path}": _only(STAFF, 404) for path in _STAFF_ONE_THING},
    "GET /ui/tandems": _only(("volunteer",), 200),
    "GET /ui/tandems/{tandem_id}": _only(("volunteer",), 404),
    **{f"POST {path}": _only(_MANAGERS, 422) for path in _INCOMPLETE},
    **{f"POST {path}": _only(_MANAGERS, 404) for path in _UNKNOWN},
    "POST /ui/tandems/{tandem_id}/unterstuetzung": _only(("volunteer",), 404),
}
