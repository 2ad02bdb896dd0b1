"""Expected statuses of the Wohnintegrationshilfe pages (see permission_matrix.py).

Only coordinator, caseworker and housing office reach /ui/praevention (policy.py); the
others get 403 from the gateway. A case id in the path is unknown in the matrix's world:
the case page answers 404. The aftercare list answers the three roles (empty or not).
The forms are posted empty with the CSRF token: a new case and an aftercare decision
are incomplete (422) — for the housing office too, whose aftercare decision the service
refuses only once the form is complete — and every step names an unknown case (404).
"""

from __future__ import annotations

Status = int | tuple[int, int, int, int]


def _row(staff: int) -> dict[str, Status]:
    """`staff` for the three roles of the Wohnintegrationshilfe, 403 for the rest."""
    others = {"volunteer": 403, "analyst": 403, "admin": 403}
    return {"coordinator": staff, "caseworker": staff, "housing_office": staff, **others}


STEPS = (
    "pruefung",
    "bewilligung",
    "ablehnung",
    "verlaengerung",
    "zustimmung",
    "widerruf",
    "besuchsrhythmus",
    "hausbesuche",
    "vermittlung",
    "vermieterverhandlung",
    "weitervermittlung",
    "abschluss",
    # Home visit appointments (help_steps.py): posted empty on an unknown case, alike.
    "hausbesuch-vereinbaren",
    "hausbesuch-verschieben",
    "hausbesuch-absagen",
)

ROWS: dict[str, dict[str, Status]] = {
    "GET /ui/praevention": _row(200),
    "GET /ui/praevention/neu": _row(200),
    "POST /ui/praevention/neu": _row(422),
    "GET /ui/praevention/{case_id}": _row(404),
    **{f"POST /ui/praevention/{{case_id}}/{step}": _row(404) for step in STEPS},
    # The erasure's form, too: its missing tick is answered on the unknown case's page.
    "POST /ui/praevention/{case_id}/loeschung": _row(404),
    # A case note, alike: the empty form's page is the unknown case's.
    "POST /ui/praevention/{case_id}/notizen": _row(404),
    "GET /ui/praevention/nachbetreuung": _row(200),
    "POST /ui/praevention/nachbetreuung/{household_id}/annahme": _row(422),
    "POST /ui/praevention/nachbetreuung/{household_id}/ablehnung": _row(422),
}
