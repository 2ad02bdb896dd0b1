"""Expected statuses of who-changed-what (services/gateway/history), page and API alike
(see permission_matrix.py).

Each owner checks the subject as its page does: the household's history for the
coordination and its provider's caseworkers (another provider, another town: 404; the
admin, who reads households but no history: 403 from intake); an offer's for the
coordination alone (the matrix's offer id is unknown: 404; a caseworker 403 by the
operation's role); a case's for whoever sees cases, a volunteer's for the staff who read
volunteers (unknown ids: 404). Every other role is kept out by the gateway's areas (403).
"""

from __future__ import annotations

Status = int | tuple[int, int, int, int]
ROLES = ("coordinator", "caseworker", "housing_office", "volunteer", "analyst", "admin")


def _row(**allowed: Status) -> dict[str, Status]:
    return dict.fromkeys(ROLES, 403) | allowed


HOUSEHOLD = _row(coordinator=(200, 200, 404, 404), caseworker=(200, 404, 404, 404))
OFFER = _row(coordinator=404)
CASE = _row(coordinator=404, caseworker=404, housing_office=404)
VOLUNTEER = _row(coordinator=404, caseworker=404, admin=404)

ROWS: dict[str, dict[str, Status]] = {
    "GET /api/households/{household_id}/history": HOUSEHOLD,
    "GET /ui/haushalte/{household_id}/aenderungen": HOUSEHOLD,
    "GET /api/offers/{offer_id}/history": OFFER,
    "GET /ui/wohnungen/{offer_id}/aenderungen": OFFER,
    "GET /api/prevention/cases/{case_id}/history": CASE,
    "GET /ui/praevention/{case_id}/aenderungen": CASE,
    "GET /api/volunteers/{volunteer_id}/history": VOLUNTEER,
    "GET /ui/ehrenamt/ehrenamtliche/{volunteer_id}/aenderungen": VOLUNTEER,
}
