"""German words for the codes the staff UI shows, translated where they are shown.

The tables hold the German texts marked with `N_` for the catalogue; `label()` gives
them in the request's language (see i18n.py).
"""

from __future__ import annotations

from services.gateway.web.i18n import N_, gettext

ROLES = {
    "coordinator": N_("Koordination"),
    "caseworker": N_("Fachkraft (Träger)"),
    "housing_office": N_("Fachstelle Wohnen"),
    "volunteer": N_("Ehrenamt"),
    "analyst": N_("Auswertung"),
    "admin": N_("Administration"),
}
# The caseboard's stages and next steps: reporting sends them in German, the UI shows
# them by code (STAGES) or translates the sentence (NEXT_STEPS only marks it).
STAGES = {
    "registered": N_("Aufgenommen"),
    "ready": N_("Wohnfähig"),
    "proposed": N_("Vorgeschlagen"),
    "viewing": N_("Besichtigung"),
    "guarantee_pending": N_("Übernahme beantragt"),
    "lease_signed": N_("Mietvertrag unterschrieben"),
    "moved": N_("Umgezogen"),
}
NEXT_STEPS = (
    N_("Wohnfähigkeit einschätzen"),
    N_("Passendes Wohnungsangebot suchen und vorschlagen"),
    N_("Antwort des Vermieters einholen, Besichtigung vereinbaren"),
    N_("Übernahmen beantragen oder Mietvertrag abschließen"),
    N_("Entscheidung über die beantragten Übernahmen abwarten"),
    N_("Umzug vorbereiten"),
    N_("Haushalt aus der Unterkunft abmelden"),
)


def label(table: dict[str, str], code: object) -> str:
    """The word for `code` in the request's language; an unknown (newer) code is shown
    as itself."""
    text = str(getattr(code, "value", code))
    known = table.get(text)
    return gettext(known) if known is not None else text
