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
