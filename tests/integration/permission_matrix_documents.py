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
