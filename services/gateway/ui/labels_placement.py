"""Words for the placement codes the offers pages show (German, marked for the English
catalogue), and how their numbers read in the request's language.

Kept apart from labels.py so the offers pages can grow without touching the household
pages' words; `labels.label` looks a code up in any of these tables.
"""

from __future__ import annotations

from decimal import Decimal

from services.gateway.web.i18n import ENGLISH, N_, current_locale, gettext

LANDLORD_KIND = {
    "municipal_housing_company": N_("Städtische Wohnungsgesellschaft (z. B. GAG)"),
    "housing_company": N_("Wohnungsgesellschaft"),
    "private": N_("Privatvermieter/in"),
}
OFFER_SOURCE = {
    "housing_company_quota": N_("Kontingent einer Wohnungsgesellschaft"),
    "private_landlord": N_("Privatvermieter/in"),
    "volunteer_network": N_("Über Ehrenamtliche im Veedel"),
    "public_relations": N_("Öffentlichkeitsarbeit, Vermieterkampagne"),
}
OFFER_STATUS = {
    "open": N_("offen"),
    "let": N_("vermietet"),
    "withdrawn": N_("zurückgezogen"),
    "expired": N_("abgelaufen"),
}
WITHDRAWAL_REASON = {
    "landlord_withdrew": N_("Der Vermieter hat das Angebot zurückgezogen"),
    "let_elsewhere": N_("Anderweitig vermietet"),
    "unsuitable": N_("Ungeeignet"),
    "other": N_("Anderer Grund"),
}
LANDLORD_DECISION = {"accepted": N_("Zusage"), "declined": N_("Absage")}
VIEWING_OUTCOME = {
    "household_interested": N_("Haushalt möchte die Wohnung"),
    "household_not_interested": N_("Haushalt möchte die Wohnung nicht"),
    "did_not_take_place": N_("Hat nicht stattgefunden"),
}
GUARANTEE_KIND = {
    "deposit": N_("Kautionsübernahme"),
    "rent": N_("Mietübernahme"),
    "security": N_("Sicherheitsleistung"),
    "release": N_("Freistellung"),
}
GUARANTEE_AUTHORITY = {
    "jobcenter": N_("Jobcenter"),
    "social_office": N_("Sozialamt"),
    "housing_office": N_("Fachstelle Wohnen / Amt für Wohnungswesen"),
    "other": N_("Andere Stelle"),
}
GUARANTEE_DECISION = {"approved": N_("bewilligt"), "declined": N_("abgelehnt")}
CRITERION = {
    "rooms": N_("Zimmer"),
    "size": N_("Wohnfläche"),
    "rent": N_("Miete"),
    "wbs": N_("Wohnberechtigungsschein"),
    "accessibility": N_("Barrierefreiheit"),
    "readiness": N_("Wohnfähigkeit"),
}
VERDICT = {"fits": N_("passt"), "does_not_fit": N_("passt nicht"), "unknown": N_("unklar")}
YES_NO = {"true": N_("ja"), "false": N_("nein")}


def number(value: Decimal | int | None) -> str:
    """Without needless decimals: 2,5 · 65 · 54,3 (English: 2.5 · 65 · 54.3)."""
    if value is None:
        return "–"
    text = f"{Decimal(value).normalize():f}"
    return text if current_locale() == ENGLISH else text.replace(".", ",")


def euro(value: Decimal | None) -> str:
    """An amount as a German reads it, 1.234,50 € (English: €1,234.50)."""
    if value is None:
        return "–"
    text = f"{value:,.2f}"
    if current_locale() == ENGLISH:
        return f"€{text}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".") + " €"


def amount_input(value: Decimal | None) -> str:
    """An amount as a form shows it for editing: 1.234,50 (English: 1234.50, without a
    separator that offers_forms.decimal_text would read as the German decimal comma)."""
    if value is None:
        return ""
    if current_locale() == ENGLISH:
        return f"{value:.2f}"
    return euro(value).removesuffix(" €")


def yes_no(value: bool) -> str:
    return gettext("ja") if value else gettext("nein")
