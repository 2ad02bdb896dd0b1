"""The German words for placement's codes (shared/contracts/labels.py): one table per code."""

from __future__ import annotations

from shared.contracts.labels import N_

# Also read by prevention's negotiations with landlords (its words were placement's UI's).
LANDLORD_KIND = {
    "municipal_housing_company": N_("Städtische Wohnungsgesellschaft (z. B. GAG)"),
    "housing_company": N_("Wohnungsgesellschaft"),
    "private": N_("Privatvermieter/in"),
}
