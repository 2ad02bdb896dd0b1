"""German words for the volunteer programme's codes (Ehrenamt), as the staff pages show them.

Kept beside labels.py (households) so each area owns its words; marked with `N_` for the
catalogue and translated where shown (`labels.label`, `_()`); an unknown (newer) code is
shown as itself.
"""

from __future__ import annotations

from services.gateway.web.i18n import N_

ONBOARDING_STEPS = {
    "first_talk": N_("Erstgespräch beim Träger"),
    "agreement_signed": N_("Ehrenamtsvereinbarung unterschrieben"),
    "police_certificate": N_("Erweitertes Führungszeugnis vorgelegt"),
}
TANDEM_END = {
    "flat_found": N_("Wohnung gefunden"),
    "household_left": N_("Haushalt weggezogen / nicht erreichbar"),
    "volunteer_stopped": N_("Ehrenamtliche/r hört auf"),
    "by_agreement": N_("Einvernehmlich beendet"),
    "other": N_("Sonstiges"),
}
SUPPORT_KINDS = {
    "viewing": N_("Besichtigung"),
    "formalities": N_("Formalitäten, Anträge, Unterlagen"),
    "office": N_("Behördengang"),
    "landlord": N_("Kontakt zum Vermieter"),
}
CHANNELS = {"in_person": N_("Persönlich"), "phone": N_("Telefon"), "email": N_("E-Mail")}
VISITORS = {
    "tandem": N_("Tandem (Ehrenamtliche mit Geflüchteten)"),
    "volunteer_alone": N_("Ehrenamtliche/r allein"),
    "refugee_alone": N_("Geflüchtete allein"),
}
CONSULTATION_TOPICS = {
    "flat_search": N_("Wohnungssuche allgemein"),
    "viewing": N_("Besichtigung"),
    "application": N_("Bewerbung, Unterlagen, Selbstauskunft"),
    "wbs": N_("Wohnberechtigungsschein"),
    "rent_costs": N_("Kosten der Unterkunft, Jobcenter"),
    "landlord_contact": N_("Kontakt zu Vermieter/Wohnungsgesellschaft"),
    "tenancy": N_("Mietvertrag, Rechte und Pflichten"),
    "moving": N_("Umzug, Einzug, Ummeldung"),
    "volunteer_role": N_("Rolle und Grenzen des Ehrenamts"),
    "other": N_("Sonstiges"),
}
WORKSHOP_TOPICS = {
    "flat_search": N_("Wohnungssuche"),
    "application_documents": N_("Bewerbungsunterlagen"),
    "tenancy_rights_and_duties": N_("Rechte und Pflichten als Mieter"),
    "rent_and_utilities": N_("Miete, Nebenkosten, Kaution"),
    "heating_and_ventilation": N_("Heizen, Lüften, Energie sparen"),
    "waste_and_house_rules": N_("Mülltrennung, Hausordnung"),
    "neighbourhood": N_("Gute Nachbarschaft"),
}
