"""The German words for reporting's codes (shared/contracts/labels.py): one table per code.

The caseboard's stages, read by reporting (the card's `stage_label`) and by the case list
page; the next steps are sentences reporting builds (domain/caseboard.py `next_step`),
marked here so that the UI can translate the card's German sentence.
"""

from __future__ import annotations

from shared.contracts.labels import N_

STAGE = {
    "registered": N_("Aufgenommen"),
    "ready": N_("Wohnfähig"),
    "proposed": N_("Vorgeschlagen"),
    "viewing": N_("Besichtigung"),
    "guarantee_pending": N_("Übernahme beantragt"),
    "lease_signed": N_("Mietvertrag unterschrieben"),
    "moved": N_("Umgezogen"),
}
NEXT_STEP = {
    "registered": N_("Wohnfähigkeit einschätzen"),
    "ready": N_("Passendes Wohnungsangebot suchen und vorschlagen"),
    "proposed": N_("Antwort des Vermieters einholen, Besichtigung vereinbaren"),
    "viewing": N_("Übernahmen beantragen oder Mietvertrag abschließen"),
    "guarantee_pending": N_("Entscheidung über die beantragten Übernahmen abwarten"),
    "lease_signed": N_("Umzug vorbereiten"),
    "moved": N_("Haushalt aus der Unterkunft abmelden"),
}
# The headings of a figure's breakdowns (services/reporting/domain/figures), by what they
# break down by: marked here so that the report page says them in its reader's language.
BREAKDOWN = {
    "accommodation_kind": N_("nach Art der Unterkunft"),
    "channel": N_("nach Weg"),
    "decision": N_("nach Antwort"),
    "kind": N_("nach Art"),
    "landlord_kind": N_("nach Art des Vermieters"),
    "outcome": N_("nach Ergebnis"),
    "party": N_("nach Gegenüber"),
    "reason": N_("nach Grund"),
    "requested_from": N_("nach Stelle"),
    "sender_kind": N_("nach Absender"),
    "origin": N_("nach Herkunft"),
    "access": N_("nach Zugang"),
    "target_group": N_("nach Zielgruppe"),
    "topic": N_("nach Thema"),
    "visitor": N_("nach Ratsuchenden"),
}

# The due list (shared/contracts/followups.py): what is due, per rule, in plain German;
# a written follow-up is a "Wiedervorlage" (its own text comes from the service owning it).
FOLLOW_UP = {
    "proposal_unanswered": N_("Antwort des Vermieters auf den Vorschlag einholen"),
    "guarantee_undecided": N_("Entscheidung über die Übernahme nachfragen"),
    "viewing_unrecorded": N_("Ergebnis der Besichtigung eintragen"),
    "lease_missing": N_("Mietvertrag abschließen und eintragen"),
    "wbs_expiring": N_("Verlängerung des Wohnberechtigungsscheins beantragen"),
    "consent_renewal": N_("Einwilligung erneuern lassen"),
    "home_visit_due": N_("Hausbesuch machen und eintragen"),
    "time_limit_ending": N_("Befristung der Hilfe prüfen"),
    "aftercare_unanswered": N_("Antwort auf das Angebot der Nachbetreuung einholen"),
    "inquiry_unanswered": N_("Anfrage beantworten"),
    "stage_stalled": N_("Fall kommt nicht voran: nächsten Schritt klären"),
    "written": N_("Wiedervorlage"),
}
# What each rule's days count, for the page where the coordination sets them.
FOLLOW_UP_DAYS = {
    "proposal_unanswered": N_("Tage nach einem Vorschlag ohne Antwort des Vermieters"),
    "guarantee_undecided": N_("Tage nach dem Antrag auf eine Übernahme ohne Entscheidung"),
    "viewing_unrecorded": N_("Tage nach dem geplanten Besichtigungstermin ohne Ergebnis"),
    "lease_missing": N_("Tage nach der Zusage des Vermieters ohne Mietvertrag"),
    "wbs_expiring": N_("Tage vor dem Ende des Wohnberechtigungsscheins"),
    "consent_renewal": N_("Tage vor der fälligen Erneuerung einer Einwilligung"),
    "home_visit_due": N_("Tage nach dem geplanten Hausbesuch"),
    "time_limit_ending": N_("Tage vor dem Ende der Befristung einer Wohnintegrationshilfe"),
    "aftercare_unanswered": N_("Tage nach dem Angebot der Nachbetreuung ohne Antwort"),
    "inquiry_unanswered": N_("Werktage nach dem Eingang einer Anfrage ohne Antwort"),
    "stage_stalled": N_("Tage, die ein Haushalt in derselben Stufe bleibt"),
}
