"""German words for the Wohnintegrationshilfe codes (shared/contracts/prevention/codes.py).

`labels.label(TABLE, code)` shows an unknown (newer) code as itself, so a code added to
the contract later still shows, just in English, until it gets its word here.
"""

from __future__ import annotations

SOURCE = {
    "self_referral": "Selbstmeldung",
    "provider": "Freier Träger oder soziale Einrichtung",
    "housing_company": "Wohnungsbaugesellschaft",
    "landlord": "Vermieterin/Vermieter",
    "jobcenter": "Jobcenter",
    "social_office": "Amt für Soziales und Senioren",
    "senior_counselling": "Seniorenberatung",
    "youth_welfare_service": "Allgemeiner Sozialer Dienst (ASD)",
    "housing_office": "Fachstelle Wohnen",
    "social_space_coordination": "Sozialraumkoordination",
    "parish": "Pfarrgemeinde",
}
TARGET_GROUP = {
    "re_admission": "Wiedereinweisung (prekäre Wohnsituation)",
    "assignment_into_vacant_flat": "Einweisung in Leerstand (prekäre Wohnsituation)",
    "secured_tenancy_at_risk_of_recurrence": "Gesichertes Mietverhältnis, erneut gefährdet",
}
HOUSING_SITUATION = {
    "own_tenancy": "Eigener Mietvertrag",
    "requisitioned_flat": "Beschlagnahmte Wohnung",
    "assigned_flat": "Ordnungsbehördlich zugewiesene Wohnung",
}
COMPARABLE_HELP = {
    "sgb_xii_67": "Hilfe nach § 67 SGB XII",
    "sgb_xii_53": "Eingliederungshilfe nach § 53 SGB XII",
    "sgb_viii": "Hilfe nach SGB VIII (z. B. Hilfe zur Erziehung)",
}
REJECTION = {
    "comparable_help_installed": "Vergleichbare Hilfe bereits installiert",
    "outside_target_group": "Nicht in der Zielgruppe",
    "household_declined": "Haushalt hat abgelehnt",
    "other": "Anderer Grund",
}
FINDING = {
    "economic_difficulties": "Wirtschaftliche Schwierigkeiten",
    "family_difficulties": "Familiäre Schwierigkeiten",
    "rent_arrears": "Mietrückstände",
    "condition_of_flat": "Zustand der Wohnung",
    "none": "Keine Schwierigkeiten",
}
MEDIATION_PARTY = {
    "landlord": "Vermieterin/Vermieter",
    "housing_company": "Wohnungsbaugesellschaft",
    "jobcenter": "Jobcenter",
    "social_office": "Amt für Soziales und Senioren",
    "other_office": "Anderes Amt",
}
MEDIATION_TOPIC = {
    "rent_arrears": "Mietrückstände",
    "rent_payment": "Mietzahlung, Direktüberweisung",
    "benefits": "Leistungen (Bürgergeld, Grundsicherung, Wohngeld)",
    "condition_of_flat": "Zustand der Wohnung",
    "neighbourhood_conflict": "Nachbarschaftskonflikt",
    "lease": "Mietvertrag, Nutzungsverhältnis",
    "other": "Anderes Thema",
}
LANDLORD_KIND = {
    "municipal_housing_company": "Städtische Wohnungsgesellschaft",
    "housing_company": "Wohnungsgesellschaft",
    "private": "Private Vermieterin/privater Vermieter",
}
NEGOTIATION = {
    "lease_offered": "Mietvertrag angeboten",
    "ongoing": "Verhandlung läuft",
    "declined": "Abgelehnt",
}
REFERRAL_OUT = {
    "debt_counselling": "Schuldnerberatung",
    "addiction_help": "Suchthilfe",
    "family_help": "Familienhilfe",
    "senior_counselling": "Seniorenberatung",
    "sgb_xii_67_help": "Hilfen nach §§ 67 ff. SGB XII",
    "other": "Andere Hilfe",
}
OUTCOME = {
    "tenancy_kept": "Wohnung erhalten",
    "own_lease_signed": "Eigener Mietvertrag",
    "moved_to_other_help": "In andere Hilfe übergegangen",
    "eviction": "Räumung",
    "contact_lost": "Kontakt verloren",
    "consent_withdrawn": "Zustimmung widerrufen",
}
# Closing by hand: a withdrawal has its own step (the service refuses it here).
OUTCOME_BY_HAND = {k: v for k, v in OUTCOME.items() if k != "consent_withdrawn"}
STATUS = {
    "referred": "Gemeldet, nicht entschieden",
    "admitted": "Bewilligt, Hilfe läuft",
    "rejected": "Abgelehnt",
    "closed": "Abgeschlossen",
}
