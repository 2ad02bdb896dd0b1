"""German words for the volunteer programme's codes (Ehrenamt), as the staff pages show them.

Kept beside labels.py (households) so each area owns its words; an unknown (newer) code
is shown as itself by `labels.label`.
"""

from __future__ import annotations

ONBOARDING_STEPS = {
    "first_talk": "Erstgespräch beim Träger",
    "agreement_signed": "Ehrenamtsvereinbarung unterschrieben",
    "police_certificate": "Erweitertes Führungszeugnis vorgelegt",
}
TANDEM_END = {
    "flat_found": "Wohnung gefunden",
    "household_left": "Haushalt weggezogen / nicht erreichbar",
    "volunteer_stopped": "Ehrenamtliche/r hört auf",
    "by_agreement": "Einvernehmlich beendet",
    "other": "Sonstiges",
}
SUPPORT_KINDS = {
    "viewing": "Besichtigung",
    "formalities": "Formalitäten, Anträge, Unterlagen",
    "office": "Behördengang",
    "landlord": "Kontakt zum Vermieter",
}
CHANNELS = {"in_person": "Persönlich", "phone": "Telefon", "email": "E-Mail"}
VISITORS = {
    "tandem": "Tandem (Ehrenamtliche mit Geflüchteten)",
    "volunteer_alone": "Ehrenamtliche/r allein",
    "refugee_alone": "Geflüchtete allein",
}
CONSULTATION_TOPICS = {
    "flat_search": "Wohnungssuche allgemein",
    "viewing": "Besichtigung",
    "application": "Bewerbung, Unterlagen, Selbstauskunft",
    "wbs": "Wohnberechtigungsschein",
    "rent_costs": "Kosten der Unterkunft, Jobcenter",
    "landlord_contact": "Kontakt zu Vermieter/Wohnungsgesellschaft",
    "tenancy": "Mietvertrag, Rechte und Pflichten",
    "moving": "Umzug, Einzug, Ummeldung",
    "volunteer_role": "Rolle und Grenzen des Ehrenamts",
    "other": "Sonstiges",
}
WORKSHOP_TOPICS = {
    "flat_search": "Wohnungssuche",
    "application_documents": "Bewerbungsunterlagen",
    "tenancy_rights_and_duties": "Rechte und Pflichten als Mieter",
    "rent_and_utilities": "Miete, Nebenkosten, Kaution",
    "heating_and_ventilation": "Heizen, Lüften, Energie sparen",
    "waste_and_house_rules": "Mülltrennung, Hausordnung",
    "neighbourhood": "Gute Nachbarschaft",
}
