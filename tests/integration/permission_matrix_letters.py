"""The letters' rows of the permission matrix (issue 15): the page of letter templates is
the coordination's alone (gateway policy; every other role 403, the admin too: templates
speak for the municipality). A template of an unknown owner is "not found" for the
coordination. The offer's letter button, posted empty, names no kind of letter: 422 for
both roles that reach offers (placement refuses the kind before it looks at the offer).
A certificate of an unknown workshop is "not found" for those who print them (the admin
only reads: refused before the service is asked). The home visit's letter of an unknown
case: the caseworker hears it is not found; the coordination and the housing office, who
do not visit, are refused by prevention, and that refusal answers with the case's page,
which for an unknown case is "not found" as well.
"""

from __future__ import annotations

Status = int | tuple[int, int, int, int]
ROLES = ("coordinator", "caseworker", "housing_office", "volunteer", "analyst", "admin")


def _coordination(status: int) -> dict[str, Status]:
    return {role: status if role == "coordinator" else 403 for role in ROLES}


ROWS: dict[str, dict[str, Status]] = {
    "GET /ui/briefvorlagen": _coordination(200),
    "GET /ui/briefvorlagen/{owner}/{kind}": _coordination(404),
    "POST /ui/briefvorlagen/{owner}/{kind}": _coordination(404),
    "POST /ui/wohnungen/{offer_id}/brief": {
        role: 422 if role in ("coordinator", "caseworker") else 403 for role in ROLES
    },
    "POST /ui/praevention/{case_id}/hausbesuch-brief": {
        role: 404 if role in ("coordinator", "caseworker", "housing_office") else 403
        for role in ROLES
    },
    "POST /ui/ehrenamt/workshops/{workshop_id}/bestaetigungen/{certificate_id}/brief": {
        role: 404 if role in ("coordinator", "caseworker") else 403 for role in ROLES
    },
}
