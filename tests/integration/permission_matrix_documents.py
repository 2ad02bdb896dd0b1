"""Rows of the permission matrix for documents (shared/contracts/documents.py). Same
format as `permission_matrix.EXPECTED`.

Whoever may act on the household keeps and reads its documents (intake answers 404 for
another provider's caseworker and another town, as for no household); the admin reads
households but no documents (403), the other roles are kept out by the gateway (403). The
matrix's document id is unknown: a download is 404 even for the household's own staff.
An empty upload lacks its kind and its file (422): through the API refused by the gateway,
through the page's form too, after which the page is drawn again (404 where intake does
not show the household).
"""

from __future__ import annotations

Status = int | tuple[int, int, int, int]
_OTHERS: dict[str, Status] = {
    "housing_office": 403,
    "volunteer": 403,
    "analyst": 403,
    "admin": 403,
}

ROWS: dict[str, dict[str, Status]] = {
    "GET /api/households/{household_id}/documents": {
        "coordinator": (200, 200, 404, 404),
        "caseworker": (200, 404, 404, 404),
        **_OTHERS,
    },
    "POST /api/households/{household_id}/documents": {
        "coordinator": 422,
        "caseworker": 422,
        **_OTHERS,
    },
    "GET /api/households/{household_id}/documents/{document_id}": {
        "coordinator": 404,
        "caseworker": 404,
        **_OTHERS,
    },
    "GET /ui/haushalte/{household_id}/unterlagen/{document_id}": {
        "coordinator": 404,
        "caseworker": 404,
        **_OTHERS,
    },
    "POST /ui/haushalte/{household_id}/unterlagen": {
        "coordinator": (422, 422, 404, 404),
        "caseworker": (422, 404, 404, 404),
        **_OTHERS,
    },
}


def _case(staff: int) -> dict[str, Status]:
    """`staff` for the three roles of the Wohnintegrationshilfe, 403 for the rest."""
    return {
        "coordinator": staff,
        "caseworker": staff,
        "housing_office": staff,
        "volunteer": 403,
        "analyst": 403,
        "admin": 403,
    }


# A case's documents: whoever may see the case (the matrix's case id is unknown: 404; an
# empty upload through the API is refused by the gateway first, 422).
ROWS |= {
    "GET /api/prevention/cases/{case_id}/documents": _case(404),
    "POST /api/prevention/cases/{case_id}/documents": _case(422),
    "GET /api/prevention/cases/{case_id}/documents/{document_id}": _case(404),
    "GET /ui/praevention/{case_id}/unterlagen/{document_id}": _case(404),
    # The empty form's page is the unknown case's.
    "POST /ui/praevention/{case_id}/unterlagen": _case(404),
}


def _volunteer(staff: int, admin: int) -> dict[str, Status]:
    """`staff` for coordinator and caseworker, `admin` for the admin, 403 for the rest
    (the volunteer themself never reaches what staff keep about them)."""
    return {
        "coordinator": staff,
        "caseworker": staff,
        "housing_office": 403,
        "volunteer": 403,
        "analyst": 403,
        "admin": admin,
    }


# A volunteer's documents: staff's (the matrix's volunteer id is unknown: 404); the admin
# reads, files none.
ROWS |= {
    "GET /api/volunteers/{volunteer_id}/documents": _volunteer(404, 404),
    "POST /api/volunteers/{volunteer_id}/documents": _volunteer(422, 403),
    "GET /api/volunteers/{volunteer_id}/documents/{document_id}": _volunteer(404, 404),
    "GET /ui/ehrenamt/ehrenamtliche/{volunteer_id}/unterlagen/{document_id}": _volunteer(404, 404),
    # The empty form's page is the unknown volunteer's.
    "POST /ui/ehrenamt/ehrenamtliche/{volunteer_id}/unterlagen": _volunteer(404, 403),
}


def _offer(coordinator: int, caseworker: int) -> dict[str, Status]:
    """The coordination's alone; other roles than the caseworker are kept out by the
    gateway (403)."""
    return {
        "coordinator": coordinator,
        "caseworker": caseworker,
        "housing_office": 403,
        "volunteer": 403,
        "analyst": 403,
        "admin": 403,
    }


# An offer's documents: the coordination's (the matrix's offer id is unknown: 404); a
# caseworker is refused by the operations' role (403). Empty, an upload through the API is
# incomplete (422); through the form its page is the unknown offer's (404).
ROWS |= {
    "GET /api/offers/{offer_id}/documents": _offer(404, 403),
    "POST /api/offers/{offer_id}/documents": _offer(422, 422),
    "GET /api/offers/{offer_id}/documents/{document_id}": _offer(404, 403),
    "GET /ui/wohnungen/{offer_id}/unterlagen/{document_id}": _offer(404, 403),
    "POST /ui/wohnungen/{offer_id}/unterlagen": _offer(404, 404),
}
