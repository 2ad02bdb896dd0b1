"""German words for the codes the staff UI shows, translated where they are shown.

The tables hold the German texts marked with `N_` for the catalogue; `label()` gives
them in the request's language (see i18n.py).
"""

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
# The caseboard's stages and next steps: reporting sends them in German, the UI shows
# them by code (STAGES) or translates the sentence (NEXT_STEPS only marks it).
STAGES = {
    "registered": N_("Aufgenommen"),
    "ready": N_("Wohnfähig"),
    "proposed": N_("Vorgeschlagen"),
    "viewing": N_("Besichtigung"),
    "guarantee_pending": N_("Übernahme beantragt"),
    "lease_signed": N_("Mietvertrag unterschrieben"),
    "moved": N_("Umgezogen"),
}
NEXT_STEPS = (
    N_("Wohnfähigkeit einschätzen"),
    N_("Passendes Wohnungsangebot suchen und vorschlagen"),
    N_("Antwort des Vermieters einholen, Besichtigung vereinbaren"),
    N_("Übernahmen beantragen oder Mietvertrag abschließen"),
    N_("Entscheidung über die beantragten Übernahmen abwarten"),
    N_("Umzug vorbereiten"),
    N_("Haushalt aus der Unterkunft abmelden"),
)
CRITERIA = {
    "rent_payment": N_("Miete und Nebenkosten zuverlässig zahlen"),
    "tenancy_knowledge": N_("Mietvertrag, Hausordnung, Rechte und Pflichten kennen"),
    "neighbourhood": N_("Zusammenleben in der Nachbarschaft"),
    "household_management": N_("Haushaltsführung (Lüften, Heizen, Müll)"),
    "language_for_contracts": N_("Sprache für Verträge und Ämter"),
}
RATINGS = {"met": N_("erfüllt"), "partly": N_("teilweise"), "not_met": N_("nicht erfüllt")}
COMPOSITION = {
    "birth": N_("Geburt"),
    "joined": N_("Person zieht zu"),
    "moved_away": N_("Person zieht weg"),
}
RESTRICTION = {
    "retention_duty": N_("Aufbewahrungspflicht steht der Löschung entgegen"),
    "accuracy_contested": N_("Richtigkeit der Daten bestritten"),
    "unlawful_but_kept": N_("Löschung abgelehnt, Einschränkung verlangt"),
    "legal_claims": N_("für Rechtsansprüche benötigt"),
    "objection_pending": N_("Widerspruch wird geprüft"),
}
DUPLICATES = {
    "open": N_("offen"),
    "linked": N_("als derselbe Haushalt verknüpft"),
    "dismissed": N_("als verschiedene Haushalte getrennt"),
}


def label(table: dict[str, str], code: object) -> str:
    """The word for `code` in the request's language; an unknown (newer) code is shown
    as itself."""
    text = str(getattr(code, "value", code))
    known = table.get(text)
    return gettext(known) if known is not None else text
