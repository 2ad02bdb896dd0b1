"""The due list's rows of the permission matrix (issue 15): reporting's follow-ups and the
days per rule, as JSON and as the "Heute" and "Fristen" pages.

Whoever reads cases reads the due list (the housing office: its prevention cases; the
analyst sees no case, the volunteer no more than their tandem). An empty command body
lacks its days (422); only the coordination changes the days: a page post of anyone else
is refused before its fields are read (403).
"""

from __future__ import annotations

Status = int | tuple[int, int, int, int]
ROLES = ("coordinator", "caseworker", "housing_office", "volunteer", "analyst", "admin")
READERS = ("coordinator", "caseworker", "housing_office", "admin")


def _readers(status: int) -> dict[str, Status]:
    return {role: status if role in READERS else 403 for role in ROLES}


ROWS: dict[str, dict[str, Status]] = {
    "GET /api/follow-ups": _readers(200),
    "GET /api/follow-up-rules": _readers(200),
    # The admin only reads (the gateway keeps it from every change).
    "PUT /api/follow-up-rules": _readers(422) | {"admin": 403},
    "GET /ui/heute": _readers(200),
    "GET /ui/fristen": _readers(200),
    "POST /ui/fristen": _readers(403) | {"coordinator": 422},
    # My appointments (calendar/pages.py): the roles whose contexts keep appointments. A
    # subscription is the caller's own: made (the page with the URL) or ended (sent back).
    "GET /ui/termine": {**_readers(200), "admin": 403},
    "POST /ui/termine/abo": {**_readers(200), "admin": 403},
    "POST /ui/termine/abo-beenden": {**_readers(303), "admin": 403},
    # Where a role's day begins, after signing in: every role is sent on.
    "GET /ui/start": {role: 303 for role in ROLES},
}
