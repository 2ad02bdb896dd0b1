"""The German words for prevention's codes (shared/contracts/labels.py): one table per code
(shared/contracts/prevention/codes.py), keyed by the code's value, read by the staff UI,
the Art. 15 export and reporting alike."""

from __future__ import annotations

from shared.contracts.labels import N_, SOCIAL_OFFICE

REFERRAL_SOURCE = {
    "self_referral": N_("Selbstmeldung"),
    "provider": N_("Freier Träger oder soziale Einrichtung"),
    "housing_company": N_("Wohnungsbaugesellschaft"),
    "landlord": N_("Vermieterin/Vermieter"),
    "jobcenter": N_("Jobcenter"),
    "social_office": SOCIAL_OFFICE,
    "senior_counselling": N_("Seniorenberatung"),
    "youth_welfare_service": N_("Allgemeiner Sozialer Dienst (ASD)"),
    "housing_office": N_("Fachstelle Wohnen"),
    "social_space_coordination": N_("Sozialraumkoordination"),
    "parish": N_("Pfarrgemeinde"),
}
TARGET_GROUP = {
    "re_admission": N_("Wiedereinweisung (prekäre Wohnsituation)"),
    "assignment_into_vacant_flat": N_("Einweisung in Leerstand (prekäre Wohnsituation)"),
    "secured_tenancy_at_risk_of_recurrence": N_("Gesichertes Mietverhältnis, erneut gefährdet"),
}
HOUSING_SITUATION = {
    "own_tenancy": N_("Eigener Mietvertrag"),
    "requisitioned_flat": N_("Beschlagnahmte Wohnung"),
    "assigned_flat": N_("Ordnungsbehördlich zugewiesene Wohnung"),
}
COMPARABLE_HELP = {
    "sgb_xii_67": N_("Hilfe nach § 67 SGB XII"),
    "sgb_xii_53": N_("Eingliederungshilfe nach § 53 SGB XII"),
    "sgb_viii": N_("Hilfe nach SGB VIII (z. B. Hilfe zur Erziehung)"),
}
REJECTION_REASON = {
    "comparable_help_installed": N_("Vergleichbare Hilfe bereits installiert"),
    "outside_target_group": N_("Nicht in der Zielgruppe"),
    "household_declined": N_("Haushalt hat abgelehnt"),
    "other": N_("Anderer Grund"),
}
VISIT_FINDING = {
    "economic_difficulties": N_("Wirtschaftliche Schwierigkeiten"),
    "family_difficulties": N_("Familiäre Schwierigkeiten"),
    "rent_arrears": N_("Mietrückstände"),
    "condition_of_flat": N_("Zustand der Wohnung"),
    "none": N_("Keine Schwierigkeiten"),
}
MEDIATION_PARTY = {
    "landlord": N_("Vermieterin/Vermieter"),
    "housing_company": N_("Wohnungsbaugesellschaft"),
    "jobcenter": N_("Jobcenter"),
    "social_office": SOCIAL_OFFICE,
    "other_office": N_("Anderes Amt"),
}
MEDIATION_TOPIC = {
    "rent_arrears": N_("Mietrückstände"),
    "rent_payment": N_("Mietzahlung, Direktüberweisung"),
    "benefits": N_("Leistungen (Bürgergeld, Grundsicherung, Wohngeld)"),
    "condition_of_flat": N_("Zustand der Wohnung"),
    "neighbourhood_conflict": N_("Nachbarschaftskonflikt"),
    "lease": N_("Mietvertrag, Nutzungsverhältnis"),
    "other": N_("Anderes Thema"),
}
MEDIATION_OUTCOME = {
    "agreement_reached": N_("Einigung erzielt"),
    "instalment_agreement": N_("Ratenzahlung vereinbart"),
    "no_agreement": N_("Keine Einigung"),
    "ongoing": N_("Vermittlung läuft noch"),
}
NEGOTIATION_RESULT = {
    "lease_offered": N_("Mietvertrag angeboten"),
    "ongoing": N_("Verhandlung läuft"),
    "declined": N_("Abgelehnt"),
}
REFERRAL_OUT_KIND = {
    "debt_counselling": N_("Schuldnerberatung"),
    "addiction_help": N_("Suchthilfe"),
    "family_help": N_("Familienhilfe"),
    "senior_counselling": N_("Seniorenberatung"),
    "sgb_xii_67_help": N_("Hilfen nach §§ 67 ff. SGB XII"),
    "other": N_("Andere Hilfe"),
}
CASE_OUTCOME = {
    "tenancy_kept": N_("Wohnung erhalten"),
    "own_lease_signed": N_("Eigener Mietvertrag"),
    "moved_to_other_help": N_("In andere Hilfe übergegangen"),
    "eviction": N_("Räumung"),
    "contact_lost": N_("Kontakt verloren"),
    "consent_withdrawn": N_("Zustimmung widerrufen"),
}
CASE_STATUS = {
    "referred": N_("Gemeldet, nicht entschieden"),
    "admitted": N_("Bewilligt, Hilfe läuft"),
    "rejected": N_("Abgelehnt"),
    "closed": N_("Abgeschlossen"),
}
AFTERCARE_STATUS = {
    "offered": N_("Angeboten, offen"),
    "accepted": N_("Angenommen"),
    "declined": N_("Abgelehnt"),
    "withdrawn": N_("zurückgezogen (Vermittlung zurückgenommen)"),
}
AFTERCARE_WITHDRAWAL_REASON = {
    "placement_retracted": N_("Vermittlung zurückgenommen"),
}
AFTERCARE_DECLINE_REASON = {
    "not_needed": N_("nicht nötig"),
    "household_declined": N_("vom Haushalt abgelehnt"),
    "not_reachable": N_("nicht erreichbar"),
}
