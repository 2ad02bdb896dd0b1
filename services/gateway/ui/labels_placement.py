"""German words for the placement codes the offers pages show, and how their numbers read.

Kept apart from labels.py so the offers pages can grow without touching the household
pages' words; `labels.label` looks a code up in any of these tables.
"""

from __future__ import annotations

from decimal import Decimal

LANDLORD_KIND = {
    "municipal_housing_company": "Städtische Wohnungsgesellschaft (z. B. GAG)",
    "housing_company": "Wohnungsgesellschaft",
    "private": "Privatvermieter/in",
}
OFFER_SOURCE = {
    "housing_company_quota": "Kontingent einer Wohnungsgesellschaft",
    "private_landlord": "Privatvermieter/in",
    "volunteer_network": "Über Ehrenamtliche im Veedel",
    "public_relations": "Öffentlichkeitsarbeit, Vermieterkampagne",
}
OFFER_STATUS = {
    "open": "offen",
    "let": "vermietet",
    "withdrawn": "zurückgezogen",
    "expired": "abgelaufen",
}
WITHDRAWAL_REASON = {
    "landlord_withdrew": "Der Vermieter hat das Angebot zurückgezogen",
    "let_elsewhere": "Anderweitig vermietet",
    "unsuitable": "Ungeeignet",
    "other": "Anderer Grund",
}
LANDLORD_DECISION = {"accepted": "Zusage", "declined": "Absage"}
VIEWING_OUTCOME = {
    "household_interested": "Haushalt möchte die Wohnung",
    "household_not_interested": "Haushalt möchte die Wohnung nicht",
    "did_not_take_place": "Hat nicht stattgefunden",
}
GUARANTEE_KIND = {
    "deposit": "Kautionsübernahme",
    "rent": "Mietübernahme",
    "security": "Sicherheitsleistung",
    "release": "Freistellung",
}
GUARANTEE_AUTHORITY = {
    "jobcenter": "Jobcenter",
    "social_office": "Sozialamt",
    "housing_office": "Fachstelle Wohnen / Amt für Wohnungswesen",
    "other": "Andere Stelle",
}
GUARANTEE_DECISION = {"approved": "bewilligt", "declined": "abgelehnt"}
CRITERION = {
    "rooms": "Zimmer",
    "size": "Wohnfläche",
    "rent": "Miete",
    "wbs": "Wohnberechtigungsschein",
    "accessibility": "Barrierefreiheit",
    "readiness": "Wohnfähigkeit",
}
VERDICT = {"fits": "passt", "does_not_fit": "passt nicht", "unknown": "unklar"}
YES_NO = {"true": "ja", "false": "nein"}


def number(value: Decimal | int | None) -> str:
    """German notation without needless decimals: 2,5 · 65 · 54,3."""
    if value is None:
        return "–"
    text = f"{Decimal(value).normalize():f}"
    return text.replace(".", ",")


def euro(value: Decimal | None) -> str:
    """An amount as a German reads it: 1.234,50 €."""
    if value is None:
        return "–"
    text = f"{value:,.2f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".") + " €"


def yes_no(value: bool) -> str:
    return "ja" if value else "nein"
