"""German words for the codes the staff UI shows (English stays in the code only)."""

from __future__ import annotations

ROLES = {
    "coordinator": "Koordination",
    "caseworker": "Fachkraft (Träger)",
    "housing_office": "Fachstelle Wohnen",
    "volunteer": "Ehrenamt",
    "analyst": "Auswertung",
    "admin": "Administration",
}
ACCOMMODATION = {
    "shelter": "Städtische Unterkunft",
    "city_rented_flat": "Von der Stadt angemietete Wohnung",
    "requisitioned_flat": "Beschlagnahmte Wohnung",
    "assigned_flat": "Ordnungsbehördliche Einweisung",
}
MEMBER_ROLES = {
    "head": "Haushaltsvorstand",
    "partner": "Partner/in",
    "child": "Kind",
    "other": "Weitere Person",
}
AGE_BANDS = {
    "0-5": "0–5 Jahre",
    "6-17": "6–17 Jahre",
    "18-26": "18–26 Jahre",
    "27-64": "27–64 Jahre",
    "65+": "65 Jahre und älter",
}
READINESS = {
    "ready": "wohnfähig",
    "ready_with_support": "wohnfähig mit Unterstützung",
    "not_yet": "noch nicht wohnfähig",
}
DEREGISTRATION = {
    "moved_out_via_placement": "über die Vermittlung ausgezogen",
    "moved_on_own": "selbst eine Wohnung gefunden",
    "left_city": "weggezogen",
    "other": "aus anderem Grund",
}
STATUS = {"active": "aktiv", "deregistered": "abgemeldet"}


def label(table: dict[str, str], code: object) -> str:
    """The German word for `code`; an unknown (newer) code is shown as itself."""
    text = str(getattr(code, "value", code))
    return table.get(text, text)
