"""The order of an offer's candidates, and one page of them. Pure.

The order is the one the offer page states in plain words: first the households for
whom every criterion fits, then those with the fewest criteria that do not fit, then the
fewest still unknown; among equals, who has been looking longest (registered first).
The household id ends every order, so that a page is the same on every reload.

The criteria are the domain's rules with a reason per household (domain/matching.py), so
they are judged here, once per household still looking — a few thousand rows of a lean
read model — and only the asked page of them leaves the service.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from services.placement.domain.matching import RentLimits, Searcher, assess
from shared.contracts.placement import Check, OfferReceived, Verdict
from shared.contracts.placement.requests import CandidateSort


@dataclass(frozen=True)
class Judged:
    household: Searcher
    checks: list[Check]
    misfits: int  # criteria that do not fit
    unknowns: int  # criteria not known yet

    @property
    def fits(self) -> bool:
        return self.misfits == 0

    @property
    def waiting_since(self) -> date:
        return self.household.registered_on or date.min


_KEYS: dict[str, Callable[[Judged], tuple[Any, ...]]] = {
    "rank": lambda j: (j.misfits, j.unknowns, j.waiting_since, j.household.household_id),
    "waiting": lambda j: (j.waiting_since, j.household.household_id),
    "persons": lambda j: (j.household.persons, j.household.household_id),
}


def judge(offer: OfferReceived, households: Sequence[Searcher], limits: RentLimits) -> list[Judged]:
    """Every household with its checks. Households with the same needs share one
    assessment: a few dozen kinds of household among thousands, each judged once."""
    judged: dict[tuple[object, ...], tuple[list[Check], int, int]] = {}
    result = []
    for household in households:
        found = judged.get(household.needs)
        if found is None:
            checks = assess(offer, household, limits)
            misfits = sum(1 for c in checks if c.verdict is Verdict.does_not_fit)
            unknowns = sum(1 for c in checks if c.verdict is Verdict.unknown)
            found = judged[household.needs] = (checks, misfits, unknowns)
        result.append(Judged(household, *found))
    return result


def ranked(
    judged: Sequence[Judged], sort: CandidateSort, *, descending: bool, fits_only: bool
) -> list[Judged]:
    """Every candidate (or only the fitting ones) in the asked order."""
    chosen = [j for j in judged if j.fits] if fits_only else list(judged)
    return sorted(chosen, key=_KEYS[sort], reverse=descending)


def page_of(rows: Sequence[Judged], offset: int, size: int) -> list[Judged]:
    return list(rows[offset : offset + size])
