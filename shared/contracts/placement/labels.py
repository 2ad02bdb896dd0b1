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
# Why a check gave its verdict (shared/contracts/placement/reasons.py fills them in):
# `persons` is a count of persons ("2 Personen"), the others numbers, sums, a day, names.
MATCH_REASON = {
    "rooms_too_few": N_("%(rooms)s Zimmer sind für %(persons)s zu wenig (mindestens %(fewest)s)."),
    "rooms_too_many": N_("%(rooms)s Zimmer sind für %(persons)s zu viele (höchstens %(most)s)."),
    "rooms_fit": N_("%(rooms)s Zimmer passen für %(persons)s."),
    "no_rent_limit": N_("Für %(persons)s ist in dieser Kommune kein Mietrichtwert hinterlegt."),
    "size_too_large": N_(
        "%(size)s m² liegen über der angemessenen Wohnfläche von %(max_size)s m² für %(persons)s."
    ),
    "size_fits": N_("%(size)s m² sind für %(persons)s angemessen."),
    "rent_too_high": N_(
        "Bruttokaltmiete %(gross)s liegt über dem Mietrichtwert von %(max_rent)s für %(persons)s."
    ),
    "rent_fits": N_(
        "Bruttokaltmiete %(gross)s hält den Mietrichtwert von %(max_rent)s für %(persons)s ein."
    ),
    "wbs_not_needed": N_("Kein Wohnberechtigungsschein nötig."),
    "wbs_not_recorded": N_("WBS nötig; ob der Haushalt einen hat, ist nicht erfasst."),
    "wbs_missing": N_("WBS nötig, der Haushalt hat keinen."),
    "wbs_expires": N_("WBS nötig; der WBS gilt nur bis %(until)s."),
    "wbs_held": N_("WBS nötig, der Haushalt hat einen."),
    "accessible": N_("Die Wohnung ist barrierefrei."),
    "accessibility_not_recorded": N_(
        "Nicht barrierefrei; ob der Haushalt das braucht, ist nicht erfasst."
    ),
    "accessibility_needed": N_("Der Haushalt braucht eine barrierefreie Wohnung."),
    "accessibility_not_needed": N_("Nicht barrierefrei; der Haushalt braucht es nicht."),
    "any_district": N_("Der Haushalt hat keinen Wunsch-Stadtteil; jeder passt."),
    "district_wished": N_("%(district)s ist ein Wunsch-Stadtteil des Haushalts."),
    "district_not_wished": N_("%(district)s liegt nicht in den Wunsch-Stadtteilen (%(wished)s)."),
    "ready": N_("Wohnfähig."),
    "ready_with_support": N_("Wohnfähig mit Unterstützung."),
    "not_yet_ready": N_("Noch nicht wohnfähig (letzte Einschätzung)."),
    "readiness_not_assessed": N_("Die Wohnfähigkeit ist noch nicht eingeschätzt."),
}
