"""The staff UI's `label()`: a code's word (shared/contracts/<context>/labels.py) in the
request's language (see i18n.py); and the words for the staff's roles, which the gateway
alone shows."""

from __future__ import annotations

from services.gateway.web.i18n import N_, gettext

ROLES = {
    "coordinator": N_("Koordination"),
    "caseworker": N_("Fachkraft (Träger)"),
    "housing_office": N_("Fachstelle Wohnen"),
    "volunteer": N_("Ehrenamt"),
    "analyst": N_("Auswertung"),
    "admin": N_("Administration"),
}


def label(table: dict[str, str], code: object) -> str:
    """The word for `code` in the request's language; an unknown (newer) code is shown
    as itself."""
    text = str(getattr(code, "value", code))
    known = table.get(text)
    return gettext(known) if known is not None else text
