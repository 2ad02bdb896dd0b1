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

    @property
    def misfits(self) -> int:
        return sum(1 for c in self.checks if c.verdict is Verdict.does_not_fit)

    @property
    def unknowns(self) -> int:
        return sum(1 for c in self.checks if c.verdict is Verdict.unknown)

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
    return [Judged(h, assess(offer, h, limits)) for h in households]


def ranked(
    judged: Sequence[Judged], sort: CandidateSort, *, descending: bool, fits_only: bool
) -> list[Judged]:
    """Every candidate (or only the fitting ones) in the asked order."""
    chosen = [j for j in judged if j.fits] if fits_only else list(judged)
    return sorted(chosen, key=_KEYS[sort], reverse=descending)


def page_of(rows: Sequence[Judged], offset: int, size: int) -> list[Judged]:
    return list(rows[offset : offset + size])
