"""The German words for a context's codes: one table per code, in
`shared/contracts/<context>/labels.py`, read by the staff UI, the exports and reporting.

German is the source text. `N_` marks a word for the UI's English catalogue (the gateway
translates at request time); everywhere else the German word is used as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum


def N_(message: str) -> str:
    """Marks `message` for translation without translating it (Babel's keyword)."""
    return message


def label(table: Mapping[str, str], code: object) -> str:
    """The word for `code` (an enum member or its value); an unknown code as itself, so that
    a newer producer's code still shows and a breakdown still adds up."""
    key = code.value if isinstance(code, Enum) else code
    return table.get(str(key), str(key))


# Authorities more than one context names: one word each, so that a form and the report
# say the same ("Sozialamt" in the guarantee form, "Amt für Soziales" in the report was
# one office under two names).
SOCIAL_OFFICE = N_("Sozialamt")
