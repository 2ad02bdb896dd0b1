"""German words for the codes the staff UI shows, translated where they are shown.

The tables hold the German texts marked with `N_` for the catalogue; `label()` gives
them in the request's language (see i18n.py).
"""

from __future__ import annotations

from services.gateway.ui.i18n import N_, gettext

ROLES = {
    "coordinator": N_("Koordination"),
    "caseworker": N_("Fachkraft (Träger)"),
    "housing_office": N_("Fachstelle Wohnen"),
    "volunteer": N_("Ehrenamt"),
    "analyst": N_("Auswertung"),
    "admin": N_("Administration"),
}
ACCOMMODATION = {
    "shelter": N_("Städtische Unterkunft"),
    "city_rented_flat": N_("Von der Stadt angemietete Wohnung"),
    "requisitioned_flat": N_("Beschlagnahmte Wohnung"),
    "assigned_flat": N_("Ordnungsbehördliche Einweisung"),
}
MEMBER_ROLES = {
    "head": N_("Haushaltsvorstand"),
    "partner": N_("Partner/in"),
    "child": N_("Kind"),
    "other": N_("Weitere Person"),
}
AGE_BANDS = {
    "0-5": N_("0–5 Jahre"),
    "6-17": N_("6–17 Jahre"),
    "18-26": N_("18–26 Jahre"),
    "27-64": N_("27–64 Jahre"),
    "65+": N_("65 Jahre und älter"),
}
READINESS = {
    "ready": N_("wohnfähig"),
    "ready_with_support": N_("wohnfähig mit Unterstützung"),
    "not_yet": N_("noch nicht wohnfähig"),
}
DEREGISTRATION = {
    "moved_out_via_placement": N_("über die Vermittlung ausgezogen"),
    "moved_on_own": N_("selbst eine Wohnung gefunden"),
    "left_city": N_("weggezogen"),
    "other": N_("aus anderem Grund"),
}
STATUS = {"active": N_("aktiv"), "deregistered": N_("abgemeldet")}


def label(table: dict[str, str], code: object) -> str:
    """The word for `code` in the request's language; an unknown (newer) code is shown
    as itself."""
    text = str(getattr(code, "value", code))
    known = table.get(text)
    return gettext(known) if known is not None else text
