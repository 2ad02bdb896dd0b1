"""The rows of „Mein Konto“ (e-mail to staff, issue 15) in the permission matrix.

Every role has its own account page; the matrix's callers are identities of development
headers, which have no account: the page shows who they are without the form, and a
post finds no account to save to (404). The admin too may set their own address (it
changes no case, policy.ADMIN_WRITES).
"""

from __future__ import annotations

Status = int | tuple[int, int, int, int]
ROLES = ("coordinator", "caseworker", "housing_office", "volunteer", "analyst", "admin")

ROWS: dict[str, dict[str, Status]] = {
    "GET /ui/konto": {role: 200 for role in ROLES},
    "POST /ui/konto": {role: 404 for role in ROLES},
}
