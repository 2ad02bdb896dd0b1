"""German words for the codes of the central inquiry inbox (Posteingang), translated where
they are shown (`labels.label`); an unknown (newer) code is shown as itself."""

from __future__ import annotations

from services.gateway.web.i18n import N_

SENDERS = {
    "resident": N_("Bewohner/in"),
    "landlord": N_("Vermieter/in"),
    "volunteer": N_("Ehrenamtliche/r"),
    "office": N_("Amt oder Behörde"),
    "other": N_("Sonstige"),
}
CHANNELS = {
    "email": N_("E-Mail"),
    "phone": N_("Telefon"),
    "in_person": N_("Persönlich"),
    "letter": N_("Brief"),
}
OUTCOMES = {
    "answered": N_("beantwortet"),
    "forwarded": N_("weitergeleitet"),
    "opened_as_case": N_("als Haushaltsfall eröffnet"),
}
FORWARD_TARGETS = {"provider": N_("Träger"), "office": N_("Amt")}
OPEN = N_("offen")
