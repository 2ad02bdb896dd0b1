"""Expected statuses of the inquiry inbox's pages (see permission_matrix.py).

Like the inquiries API, /ui/anfragen is for the coordination (policy.py): the gateway lets
the admin through to read, and intake refuses everyone but the coordination (403). An
inquiry id in the matrix is unknown: its page answers 404. The forms are posted empty
with the CSRF token: the gateway keeps the admin from every change (403); the coordination
hears that the inquiry is incomplete (422), or that the one to triage is unknown (404).
"""

from __future__ import annotations

Status = int | tuple[int, int, int, int]
ROLES = ("coordinator", "caseworker", "housing_office", "volunteer", "analyst", "admin")


def _coordination(status: int) -> dict[str, Status]:
    return {role: status if role == "coordinator" else 403 for role in ROLES}


ROWS: dict[str, dict[str, Status]] = {
    "GET /ui/anfragen": _coordination(200),
    "GET /ui/anfragen/{inquiry_id}": _coordination(404),
    "POST /ui/anfragen": _coordination(422),
    "POST /ui/anfragen/{inquiry_id}/bearbeitung": _coordination(404),
}
