"""The German words for placement's codes (shared/contracts/labels.py): one table per code,
read by the staff UI, the Art. 15 export and reporting's figures."""

from __future__ import annotations

from shared.contracts.labels import N_, SOCIAL_OFFICE

# Also prevention's (a landlord a household negotiates with): the one table for the code.
LANDLORD_KIND = {
    "municipal_housing_company": N_("Städtische Wohnungsgesellschaft"),
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
    "social_office": SOCIAL_OFFICE,
    "housing_office": N_("Fachstelle Wohnen / Amt für Wohnungswesen"),
    "other": N_("Andere Stelle"),
}
GUARANTEE_FUNDING = {"loan": N_("Darlehen"), "grant": N_("Beihilfe")}
GUARANTEE_DECISION = {"approved": N_("bewilligt"), "declined": N_("abgelehnt")}
RETRACTION_REASON = {
    "entered_by_mistake": N_("irrtümlich erfasst"),
    "wrong_household": N_("für den falschen Haushalt erfasst"),
    "lease_not_concluded": N_("Mietvertrag kam nicht zustande"),
}
# Matching: the criteria an offer is checked against and the verdict on each.
CRITERION = {
    "rooms": N_("Zimmer"),
    "size": N_("Wohnfläche"),
    "rent": N_("Miete"),
    "wbs": N_("Wohnberechtigungsschein"),
    "accessibility": N_("Barrierefreiheit"),
    "district": N_("Stadtteil"),
    "readiness": N_("Wohnfähigkeit"),
}
VERDICT = {"fits": N_("passt"), "does_not_fit": N_("passt nicht"), "unknown": N_("unklar")}
