"""The German words for volunteer's codes (shared/contracts/labels.py): one table per code,
keyed by the code's value, in the order the staff UI offers them (reporting lists them in
the code's own order, services/reporting/domain/labels.py)."""

from __future__ import annotations

from shared.contracts.labels import N_

ONBOARDING_STEP = {
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
SUPPORT_KIND = {
    "viewing": N_("Besichtigung"),
    "formalities": N_("Formalitäten, Anträge, Unterlagen"),
    "office": N_("Behördengang"),
    "landlord": N_("Kontakt zum Vermieter"),
}
# In person first: the form's default.
CONSULTATION_CHANNEL = {
    "in_person": N_("Persönlich"),
    "phone": N_("Telefon"),
    "email": N_("E-Mail"),
}
VISITOR = {
    "tandem": N_("Tandem (Ehrenamtliche mit Geflüchteten)"),
    "volunteer_alone": N_("Ehrenamtliche/r allein"),
    "refugee_alone": N_("Geflüchtete allein"),
}
CONSULTATION_TOPIC = {
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
WORKSHOP_TOPIC = {
    "flat_search": N_("Wohnungssuche"),
    "application_documents": N_("Bewerbungsunterlagen"),
    "tenancy_rights_and_duties": N_("Rechte und Pflichten als Mieter"),
    "rent_and_utilities": N_("Miete, Nebenkosten, Kaution"),
    "heating_and_ventilation": N_("Heizen, Lüften, Energie sparen"),
    "waste_and_house_rules": N_("Mülltrennung, Hausordnung"),
    "neighbourhood": N_("Gute Nachbarschaft"),
}
# The volunteer list's choice of whom to show (ListVolunteers.status); active first: the
# list's default.
VOLUNTEER_STATUS = {
    "active": N_("aktiv"),
    "ready": N_("aktiv, bereit fürs Tandem"),
    "onboarding": N_("aktiv, Vereinbarung fehlt"),
    "left": N_("ausgeschieden"),
    "all": N_("alle"),
}
