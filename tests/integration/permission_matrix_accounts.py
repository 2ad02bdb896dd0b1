"""The rows of „Konten“ (accounts in the UI, issue 16) in the permission matrix.

The admin of a municipality only (policy.AREAS, and its writes in ADMIN_WRITES); every
other role is kept out before a form is read. The matrix's ids are unknown ones, so the
admin's account page and its forms answer 404; the new-account form posted empty comes
back with its messages at the fields (422). „Passwort ändern“ is everyone's own page; the
matrix's identities of development headers have no password in Auszug: the page says so,
and a post finds nothing to change (404)."""

from __future__ import annotations

Status = int | tuple[int, int, int, int]
ROLES = ("coordinator", "caseworker", "housing_office", "volunteer", "analyst")
EVERY_ROLE = (*ROLES, "admin")


def _admin_only(status: int) -> dict[str, Status]:
    return {**{role: 403 for role in ROLES}, "admin": status}


ROWS: dict[str, dict[str, Status]] = {
    "GET /ui/konten": _admin_only(200),
    "GET /ui/konten/neu": _admin_only(200),
    "POST /ui/konten/neu": _admin_only(422),
    "GET /ui/konten/{user_id}": _admin_only(404),
    "POST /ui/konten/{user_id}": _admin_only(404),
    "POST /ui/konten/{user_id}/deaktivieren": _admin_only(404),
    "POST /ui/konten/{user_id}/reaktivieren": _admin_only(404),
    "POST /ui/konten/{user_id}/passwort": _admin_only(404),
    "GET /ui/passwort": {role: 200 for role in EVERY_ROLE},
    "POST /ui/passwort": {role: 404 for role in EVERY_ROLE},
}
