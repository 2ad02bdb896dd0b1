"""Expected statuses of the offers and matching pages (see permission_matrix.py).

Only coordinators and caseworkers reach /ui/wohnungen (gateway policy). The forms to
receive an offer or register a landlord are the coordination's (placement's rule), so a
caseworker gets 403 there. An unknown offer or landlord is 404 for both. Landlords,
rules and stalled cases are read by both roles. The forms are posted empty with the
CSRF token: a new offer or landlord is incomplete for the coordination (422) and refused
to the caseworker by the page before the fields are looked at (403, as its GET form is);
the rules and a landlord's cooperation are refused to the caseworker likewise, and the
coordination hears of the unknown landlord (404); every step names an unknown offer (404).
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
    "POST /ui/wohnungen/neu": _row(422, 403),
    "POST /ui/wohnungen/vermieter/neu": _row(422, 403),
    "POST /ui/wohnungen/vermieter/{landlord_id}/kooperation": _row(404, 403),
    # Every field of the rules form may be empty (no guideline value: "unclear"), so the
    # coordination's empty form is saved (the stall days that made it 422 are gone).
    "POST /ui/wohnungen/regeln": _row(303, 403),
    "POST /ui/wohnungen/{offer_id}/vorschlag": _row(404, 404),
    "POST /ui/wohnungen/{offer_id}/vermieter-entscheidung": _row(404, 404),
    "POST /ui/wohnungen/{offer_id}/besichtigung": _row(404, 404),
    "POST /ui/wohnungen/{offer_id}/besichtigung-ergebnis": _row(404, 404),
    "POST /ui/wohnungen/{offer_id}/uebernahme": _row(404, 404),
    "POST /ui/wohnungen/{offer_id}/uebernahme-entscheidung": _row(404, 404),
    "POST /ui/wohnungen/{offer_id}/mietvertrag": _row(404, 404),
    "POST /ui/wohnungen/{offer_id}/ruecknahme": _row(404, 404),
    "POST /ui/wohnungen/{offer_id}/ablauf": _row(404, 404),
    # A note on an offer: the coordination's. The caseworker's refusal (403) answers with
    # the offer's page, which for the matrix's unknown offer is "not found" (404); a known
    # offer's 403: tests/integration/test_ui_offer_casework.py.
    "POST /ui/wohnungen/{offer_id}/notizen": _row(404, 404),
}
