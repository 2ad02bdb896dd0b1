"""The German words for intake's codes (shared/contracts/labels.py): one table per code."""

from __future__ import annotations

from shared.contracts.labels import N_

# inquiries
# The central inbox's codes (shared/contracts/intake/codes.py): one inquiry's sender in the
# inbox and a breakdown in the report alike, so the words are singular.
SENDER_KIND = {
    "resident": N_("Bewohner/in"),
    "landlord": N_("Vermieter/in"),
    "volunteer": N_("Ehrenamtliche/r"),
    "office": N_("Amt oder Behörde"),
    "other": N_("Sonstige"),
}
INQUIRY_CHANNEL = {
    "email": N_("E-Mail"),
    "phone": N_("Telefon"),
    "in_person": N_("Persönlich"),
    "letter": N_("Brief"),
}
TRIAGE_OUTCOME = {
    "answered": N_("beantwortet"),
    "forwarded": N_("weitergeleitet"),
    "opened_as_case": N_("als Haushaltsfall eröffnet"),
}
FORWARD_TARGET = {"provider": N_("Träger"), "office": N_("Amt")}
