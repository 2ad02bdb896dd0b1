"""The German words for intake's codes (shared/contracts/labels.py): one table per code."""

from __future__ import annotations

from shared.contracts.labels import N_

# ---------------------------------------------------------------- households

ACCOMMODATION_KIND = {
    "shelter": N_("Städtische Unterkunft"),
    "city_rented_flat": N_("Von der Stadt angemietete Wohnung"),
    "requisitioned_flat": N_("Beschlagnahmte Wohnung"),
    "assigned_flat": N_("Ordnungsbehördlich zugewiesene Wohnung"),
}
MEMBER_ROLE = {
    "head": N_("Haushaltsvorstand"),
    "partner": N_("Partner/in"),
    "child": N_("Kind"),
    "other": N_("Weitere Person"),
}
AGE_BAND = {
    "0-5": N_("0–5 Jahre"),
    "6-17": N_("6–17 Jahre"),
    "18-26": N_("18–26 Jahre"),
    "27-64": N_("27–64 Jahre"),
    "65+": N_("65 Jahre und älter"),
}
HOUSEHOLD_STATUS = {"active": N_("aktiv"), "deregistered": N_("abgemeldet")}
READINESS_RESULT = {
    "ready": N_("wohnfähig"),
    "ready_with_support": N_("wohnfähig mit Unterstützung"),
    "not_yet": N_("noch nicht wohnfähig"),
}
READINESS_CRITERION = {
    "rent_payment": N_("Miete und Nebenkosten zuverlässig zahlen"),
    "tenancy_knowledge": N_("Mietvertrag, Hausordnung, Rechte und Pflichten kennen"),
    "neighbourhood": N_("Zusammenleben in der Nachbarschaft"),
    "household_management": N_("Haushaltsführung (Lüften, Heizen, Müll)"),
    "language_for_contracts": N_("Sprache für Verträge und Ämter"),
}
CRITERION_RATING = {"met": N_("erfüllt"), "partly": N_("teilweise"), "not_met": N_("nicht erfüllt")}
DEREGISTRATION_REASON = {
    "moved_out_via_placement": N_("Auszug über das Auszugsmanagement"),
    "moved_on_own": N_("Auszug in Eigenregie"),
    "left_city": N_("Wegzug aus der Stadt"),
    "other": N_("Sonstiges"),
}
COMPOSITION_CHANGE = {
    "birth": N_("Geburt"),
    "joined": N_("Person zieht zu"),
    "moved_away": N_("Person zieht weg"),
}
RESTRICTION_REASON = {
    "retention_duty": N_("Aufbewahrungspflicht steht der Löschung entgegen"),
    "accuracy_contested": N_("Richtigkeit der Daten bestritten"),
    "unlawful_but_kept": N_("Löschung abgelehnt, Einschränkung verlangt"),
    "legal_claims": N_("für Rechtsansprüche benötigt"),
    "objection_pending": N_("Widerspruch wird geprüft"),
}
DUPLICATE_STATUS = {
    "open": N_("offen"),
    "linked": N_("als derselbe Haushalt verknüpft"),
    "dismissed": N_("als verschiedene Haushalte getrennt"),
}
CONSENT_PURPOSE = {
    "data_processing": N_("Datenverarbeitung durch den Träger"),
    "volunteer_tandem": N_("Weitergabe an ein ehrenamtliches Tandem"),
    "provider_handover": N_("Weitergabe an einen anderen Träger"),
}
RESIDENCE_OUTLOOK = {
    "permanent": N_("gesichert"),
    "good": N_("gute Bleibeperspektive"),
    "open": N_("Verfahren läuft"),
    "tolerated": N_("Duldung"),
    "not_applicable": N_("keine aufenthaltsrechtliche Frage"),
    "unknown": N_("nicht erfasst"),
}

# inquiries
# The central inbox's codes (shared/contracts/intake/codes.py): one inquiry's sender in the
# inbox and a breakdown in the report alike, so the words are singular.
SENDER_KIND = {
    "resident": N_("Bewohner/in"),
    "landlord": N_("Vermieter/in"),
    "volunteer": N_("Ehrenamtliche/r"),
    "office": N_("Amt oder Behörde"),
    "other": N_("Sonstige"),
}
INQUIRY_CHANNEL = {
    "email": N_("E-Mail"),
    "phone": N_("Telefon"),
    "in_person": N_("Persönlich"),
    "letter": N_("Brief"),
}
TRIAGE_OUTCOME = {
    "answered": N_("beantwortet"),
    "forwarded": N_("weitergeleitet"),
    "opened_as_case": N_("als Haushaltsfall eröffnet"),
}
FORWARD_TARGET = {"provider": N_("Träger"), "office": N_("Amt")}
# Rectification (Art. 16 DSGVO): the field a correction changed.
CORRECTED_FIELD = {
    "given_name": N_("Vorname"),
    "family_name": N_("Nachname"),
    "birth_date": N_("Geburtsdatum"),
    "phone": N_("Telefon"),
    "email": N_("E-Mail"),
    "note": N_("Notiz zur Aufnahme"),
}
