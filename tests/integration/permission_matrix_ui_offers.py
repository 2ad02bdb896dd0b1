"""Expected statuses of the offers and matching pages (see permission_matrix.py).

Only coordinators and caseworkers reach /ui/wohnungen (gateway policy). The forms to
receive an offer or register a landlord are the coordination's (placement's rule), so a
caseworker gets 403 there. An unknown offer or landlord is 404 for both. Landlords,
rules and stalled cases are read by both roles. Every POST is a
form post without the CSRF token here, hence 403 for everyone.
"""

from __future__ import annotations

_OTHERS = {"housing_office": 403, "volunteer": 403, "analyst": 403, "admin": 403}


def _row(coordinator: int, caseworker: int) -> dict[str, int | tuple[int, int, int, int]]:
    return {"coordinator": coordinator, "caseworker": caseworker, **_OTHERS}


ROWS: dict[str, dict[str, int | tuple[int, int, int, int]]] = {
    "GET /ui/wohnungen": _row(200, 200),
    "GET /ui/wohnungen/neu": _row(200, 403),
    "GET /ui/wohnungen/vermieter/neu": _row(200, 403),
    "GET /ui/wohnungen/vermieter": _row(200, 200),
    "GET /ui/wohnungen/vermieter/{landlord_id}": _row(404, 404),
    "GET /ui/wohnungen/regeln": _row(200, 200),
    "GET /ui/wohnungen/festgefahren": _row(200, 200),
    "GET /ui/wohnungen/{offer_id}": _row(404, 404),
    "POST /ui/wohnungen/neu": _row(403, 403),
    "POST /ui/wohnungen/vermieter/neu": _row(403, 403),
    "POST /ui/wohnungen/vermieter/{landlord_id}/kooperation": _row(403, 403),
    "POST /ui/wohnungen/regeln": _row(403, 403),
    "POST /ui/wohnungen/{offer_id}/vorschlag": _row(403, 403),
    "POST /ui/wohnungen/{offer_id}/vermieter-entscheidung": _row(403, 403),
    "POST /ui/wohnungen/{offer_id}/besichtigung": _row(403, 403),
    "POST /ui/wohnungen/{offer_id}/besichtigung-ergebnis": _row(403, 403),
    "POST /ui/wohnungen/{offer_id}/uebernahme": _row(403, 403),
    "POST /ui/wohnungen/{offer_id}/uebernahme-entscheidung": _row(403, 403),
    "POST /ui/wohnungen/{offer_id}/mietvertrag": _row(403, 403),
    "POST /ui/wohnungen/{offer_id}/ruecknahme": _row(403, 403),
    "POST /ui/wohnungen/{offer_id}/ablauf": _row(403, 403),
}
