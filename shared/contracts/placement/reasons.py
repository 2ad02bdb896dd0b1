"""The reason of a matching check (services/placement/domain/matching.py) as a template and
its values, so that a page says it in its reader's language. `Check.reason` is the same
text in German, filled in by placement, for API clients.

The templates are in `labels.MATCH_REASON` (marked for the UI's catalogue); a value is
kept in a neutral form (a number as "2.5", a day as ISO) and written by whoever fills the
template in, as its language writes numbers, sums, days and a count of persons.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from shared.contracts.placement.labels import MATCH_REASON

PERSONS = "persons"
NUMBERS = frozenset({"rooms", "size", "max_size", "fewest", "most"})
EUROS = frozenset({"gross", "max_rent"})
DAYS = frozenset({"until"})


@dataclass(frozen=True)
class Writing:
    """How a language writes each kind of value."""

    persons: Callable[[int], str]
    number: Callable[[Decimal], str]
    euro: Callable[[Decimal], str]
    day: Callable[[date], str]


def fill(template: str, values: Mapping[str, str], writing: Writing) -> str:
    """`template` (a MATCH_REASON text, perhaps translated) with `values` written out."""
    shown: dict[str, str] = {}
    for name, value in values.items():
        if name == PERSONS:
            shown[name] = writing.persons(int(value))
        elif name in NUMBERS:
            shown[name] = writing.number(Decimal(value))
        elif name in EUROS:
            shown[name] = writing.euro(Decimal(value))
        elif name in DAYS:
            shown[name] = writing.day(date.fromisoformat(value))
        else:
            shown[name] = value
    return template % shown


def template_of(code: str) -> str:
    return MATCH_REASON[code]
