"""Find volunteers by the beginnings of their names, in SQL (the pickers of issue 14).

Each typed word must begin the given or the family name, or a part of one after a space
or hyphen ("hassan" finds "Al-Hassan"). Case does not count: the name is compared in
lower case, and also as typed with a capital first letter, for SQLite's `lower()` and
`LIKE` fold ASCII letters only ("öztürk" still finds "Öztürk" there). Accents count
(unlike intake's household search, which keeps a folded key per name): volunteers have
no such key, and a volunteer's name is typed by the staff who registered them.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, and_, false, func, or_, select, true
from sqlalchemy.sql import Select

from services.volunteer.adapters.tables import volunteer_details

# What separates two words of a search, and two parts of a name.
SEPARATORS = re.compile(r"[\s,;]+")
ESCAPE = "\\"


def words_of(text: str) -> list[str]:
    """The words of a search text, in lower case; punctuation alone is no word."""
    words = (w.strip(".-'") for w in SEPARATORS.split(text.lower()))
    return [w for w in words if w]


def _like(word: str) -> str:
    return word.replace(ESCAPE, ESCAPE * 2).replace("%", ESCAPE + "%").replace("_", ESCAPE + "_")


def _begins(column: ColumnElement[str | None], word: str) -> ColumnElement[bool]:
    lowered, typed = _like(word), _like(word[:1].upper() + word[1:])
    alternatives = [
        func.lower(column).like(f"{lowered}%", escape=ESCAPE),
        func.lower(column).like(f"% {lowered}%", escape=ESCAPE),
        func.lower(column).like(f"%-{lowered}%", escape=ESCAPE),
        column.like(f"{typed}%", escape=ESCAPE),
        column.like(f"% {typed}%", escape=ESCAPE),
        column.like(f"%-{typed}%", escape=ESCAPE),
    ]
    return or_(*alternatives)


def named(text: str) -> ColumnElement[bool]:
    """The condition on `volunteer_details`: every word begins a name (empty: everyone;
    only punctuation: no one)."""
    if not text.strip():
        return true()
    words = words_of(text)
    if not words:
        return false()
    d = volunteer_details
    return and_(*(or_(_begins(d.c.given_name, w), _begins(d.c.family_name, w)) for w in words))


def volunteers_named(text: str) -> Select[tuple[object]]:
    """The ids of the volunteers whose names match `text` (any municipality: the caller
    adds its scope)."""
    return select(volunteer_details.c.volunteer_id).where(named(text))
