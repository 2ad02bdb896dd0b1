"""Rows of the permission matrix for the erasures beyond a whole household (Art. 17
DSGVO): a volunteer, a prevention case, one household member. Same format as
`permission_matrix.EXPECTED`; only the coordinator erases, everyone else gets 403.

The matrix erases the Caritas household of Köln (`…/erasure`) before it reaches the
member's route, so there the coordinator of Köln hears 409 (already erased), the one
of Bergisch Gladbach 404 (no such household there). Volunteer and case ids are unknown:
404 for the coordinator.
"""

from __future__ import annotations

_ONLY_THE_COORDINATOR = {
    "caseworker": 403,
    "housing_office": 403,
    "volunteer": 403,
    "analyst": 403,
    "admin": 403,
}

ROWS: dict[str, dict[str, int | tuple[int, int, int, int]]] = {
    "POST /api/volunteers/{volunteer_id}/erasure": {
        "coordinator": 404,
        **_ONLY_THE_COORDINATOR,
    },
    "POST /api/prevention/cases/{case_id}/erasure": {
        "coordinator": 404,
        **_ONLY_THE_COORDINATOR,
    },
    "POST /api/households/{household_id}/members/{member_id}/erasure": {
        "coordinator": (409, 409, 404, 404),
        **_ONLY_THE_COORDINATOR,
    },
}
