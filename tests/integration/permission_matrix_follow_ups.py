"""Rows of the permission matrix for written follow-ups (Wiedervorlagen) on a household, an
inquiry, a prevention case, an offer and a volunteer, API and forms (see permission_matrix.py for
the format).

Reads come first: the household's list answers as the household does (its provider's
caseworker, the municipality's coordination and admin; 404 for another provider or
town). The commands run after the matrix erased the household (`…/erasure` sorts before
`…/follow-ups`): it is still found (erased) in Köln, so an empty body is incomplete (422)
where the command has required fields, and an unknown follow-up is not found (404)
where it has none. The gateway keeps the admin from every change (403). An inquiry
is the coordination's (policy.py, intake), and the matrix's inquiry id is unknown (404).
"""

from __future__ import annotations

Status = int | tuple[int, int, int, int]
ACTIONS = ("erledigt", "verschieben", "zuweisen")
ROLES = ("coordinator", "caseworker", "housing_office", "volunteer", "analyst", "admin")
OWN_PROVIDER = (422, 404, 404, 404)
MUNICIPALITY = (422, 422, 404, 404)
HOUSEHOLD = "/api/households/{household_id}/follow-ups"
INQUIRY = "/api/inquiries/{inquiry_id}/follow-ups"
HOUSEHOLD_PAGE = "/ui/haushalte/{household_id}/wiedervorlagen"
INQUIRY_PAGE = "/ui/anfragen/{inquiry_id}/wiedervorlagen"
CASE = "/api/prevention/cases/{case_id}/follow-ups"
CASE_PAGE = "/ui/praevention/{case_id}/wiedervorlagen"
OFFER = "/api/offers/{offer_id}/follow-ups"
OFFER_PAGE = "/ui/wohnungen/{offer_id}/wiedervorlagen"
VOLUNTEER = "/api/volunteers/{volunteer_id}/follow-ups"
VOLUNTEER_PAGE = "/ui/ehrenamt/ehrenamtliche/{volunteer_id}/wiedervorlagen"


def _staff(coordinator: Status, caseworker: Status) -> dict[str, Status]:
    return dict.fromkeys(ROLES, 403) | {"coordinator": coordinator, "caseworker": caseworker}


def _coordination(status: int) -> dict[str, Status]:
    return {role: status if role == "coordinator" else 403 for role in ROLES}


def _prevention(status: int) -> dict[str, Status]:
    """The Wohnintegrationshilfe's readers (policy.py); the matrix's case id is unknown."""
    readers = ("coordinator", "caseworker", "housing_office")
    return {role: status if role in readers else 403 for role in ROLES}


def _offers(status: int) -> dict[str, Status]:
    """Who reaches the offers' area (policy.py): the coordination and caseworkers."""
    return {role: status if role in ("coordinator", "caseworker") else 403 for role in ROLES}


def _volunteering(status: int, admin: int = 403) -> dict[str, Status]:
    """The volunteer programme's staff (policy.py): the matrix's volunteer id is unknown;
    the admin reads (404 too) and changes nothing (403); the volunteer reads none of
    what staff write about volunteers (403)."""
    return _staff(status, status) | {"admin": admin}


ROWS: dict[str, dict[str, Status]] = {
    f"GET {HOUSEHOLD}": _staff((200, 200, 404, 404), (200, 404, 404, 404))
    | {"admin": (200, 200, 404, 404)},
    f"POST {HOUSEHOLD}": _staff(422, 422),
    f"POST {HOUSEHOLD}/{{follow_up_id}}/completion": _staff(404, 404),
    f"POST {HOUSEHOLD}/{{follow_up_id}}/postponement": _staff(422, 422),
    f"POST {HOUSEHOLD}/{{follow_up_id}}/reassignment": _staff(404, 404),
    f"GET {INQUIRY}": _coordination(404),
    f"POST {INQUIRY}": _coordination(422),
    f"POST {INQUIRY}/{{follow_up_id}}/completion": _coordination(404),
    f"POST {INQUIRY}/{{follow_up_id}}/postponement": _coordination(422),
    f"POST {INQUIRY}/{{follow_up_id}}/reassignment": _coordination(404),
    # The forms, posted empty: the new one lacks its day and text, as does a postponement
    # its day (422 where the household is found); done and reassign (to the team) name an
    # unknown follow-up (404).
    f"POST {HOUSEHOLD_PAGE}": _staff(MUNICIPALITY, OWN_PROVIDER),
    f"POST {HOUSEHOLD_PAGE}/{{follow_up_id}}/erledigt": _staff(404, 404),
    f"POST {HOUSEHOLD_PAGE}/{{follow_up_id}}/verschieben": _staff(MUNICIPALITY, OWN_PROVIDER),
    f"POST {HOUSEHOLD_PAGE}/{{follow_up_id}}/zuweisen": _staff(404, 404),
    f"POST {INQUIRY_PAGE}": _coordination(404),
    f"POST {INQUIRY_PAGE}/{{follow_up_id}}/erledigt": _coordination(404),
    f"POST {INQUIRY_PAGE}/{{follow_up_id}}/verschieben": _coordination(404),
    f"POST {INQUIRY_PAGE}/{{follow_up_id}}/zuweisen": _coordination(404),
    # A prevention case: an empty body is incomplete (422) before the case is asked for.
    f"GET {CASE}": _prevention(404),
    f"POST {CASE}": _prevention(422),
    f"POST {CASE}/{{follow_up_id}}/completion": _prevention(404),
    f"POST {CASE}/{{follow_up_id}}/postponement": _prevention(422),
    f"POST {CASE}/{{follow_up_id}}/reassignment": _prevention(404),
    f"POST {CASE_PAGE}": _prevention(404),
    **{f"POST {CASE_PAGE}/{{follow_up_id}}/{a}": _prevention(404) for a in ACTIONS},
    # An offer's: the coordination's alone (placement), but the gateway's area is the
    # offers' (coordination and caseworkers). The matrix's offer id is unknown, so either
    # hears "not found" of it (404) before its role is refused (403 for a known offer,
    # tests/integration/test_ui_offer_casework.py); an empty body is incomplete (422).
    f"GET {OFFER}": _offers(404),
    f"POST {OFFER}": _offers(422),
    f"POST {OFFER}/{{follow_up_id}}/completion": _offers(404),
    f"POST {OFFER}/{{follow_up_id}}/postponement": _offers(422),
    f"POST {OFFER}/{{follow_up_id}}/reassignment": _offers(404),
    f"POST {OFFER_PAGE}": _offers(404),
    **{f"POST {OFFER_PAGE}/{{follow_up_id}}/{a}": _offers(404) for a in ACTIONS},
    # A volunteer: an empty body is incomplete (422) before the volunteer is asked for;
    # the forms ask for the volunteer first (404).
    f"GET {VOLUNTEER}": _volunteering(404, admin=404),
    f"POST {VOLUNTEER}": _volunteering(422),
    f"POST {VOLUNTEER}/{{follow_up_id}}/completion": _volunteering(404),
    f"POST {VOLUNTEER}/{{follow_up_id}}/postponement": _volunteering(422),
    f"POST {VOLUNTEER}/{{follow_up_id}}/reassignment": _volunteering(404),
    f"POST {VOLUNTEER_PAGE}": _volunteering(404),
    **{f"POST {VOLUNTEER_PAGE}/{{follow_up_id}}/{a}": _volunteering(404) for a in ACTIONS},
}
