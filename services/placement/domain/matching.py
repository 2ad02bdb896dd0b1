"""Does a household fit a flat? Each criterion gives a verdict and a reason. Pure.

- Rooms: at most two persons per room, and at most one room more than persons (a
  housing company does not let four rooms to one person).
- Size and rent: within the Jobcenter's guideline values (Mietrichtwerte) for the
  household's size, kept per municipality as data. Rent means gross cold rent: cold
  rent plus cold running costs, which is what the guideline values limit.
- WBS: a flat that needs a Wohnberechtigungsschein fits only a household with one.
- Accessibility: a flat without it does not fit a household that needs it.
- Districts: a household that named preferred districts (Veedel) fits a flat in one of
  them; a flat elsewhere does not fit (the caseworker changes the wish if it widens).
- Housing readiness (Wohnfähigkeit): "not yet" does not fit.

What placement does not know yet (no assessment, no guideline value for that size) is
`unknown`: it does not exclude a household, but the coordinator sees it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from uuid import UUID

from shared.contracts.intake import ReadinessResult
from shared.contracts.placement import Check, OfferReceived, Verdict
from shared.contracts.placement.reasons import Writing, fill, template_of
from shared.contracts.places import district_name


@dataclass(frozen=True)
class Searcher:
    """A household looking for a flat, as placement knows it from intake's events."""

    household_id: UUID
    provider: str
    adults: int
    minors: int
    has_wbs: bool | None = None
    wbs_valid_until: date | None = None
    readiness: ReadinessResult | None = None
    needs_accessible: bool | None = None
    # District codes the household wishes; empty: any district.
    preferred_districts: tuple[str, ...] = ()
    registered_on: date | None = None

    @property
    def persons(self) -> int:
        return self.adults + self.minors

    @property
    def needs(self) -> tuple[object, ...]:
        """Everything `assess` reads of the household: two households with the same needs
        get the same checks for one flat (ranking judges each kind of household once)."""
        return (
            self.adults,
            self.minors,
            self.has_wbs,
            self.wbs_valid_until,
            self.readiness,
            self.needs_accessible,
            self.preferred_districts,
        )


@dataclass(frozen=True)
class RentLimits:
    """A municipality's guideline values: (gross cold rent, size in m²) by persons."""

    by_persons: dict[int, tuple[Decimal, Decimal | None]] = field(default_factory=dict)
    extra_person_rent: Decimal | None = None
    extra_person_m2: Decimal | None = None

    def for_persons(self, persons: int) -> tuple[Decimal, Decimal | None] | None:
        if persons in self.by_persons:
            return self.by_persons[persons]
        if not self.by_persons or self.extra_person_rent is None:
            return None
        largest = max(self.by_persons)
        if persons < largest:
            return None
        rent, size = self.by_persons[largest]
        extra = persons - largest
        return (
            rent + extra * self.extra_person_rent,
            None
            if size is None or self.extra_person_m2 is None
            else size + extra * self.extra_person_m2,
        )


def assess(offer: OfferReceived, household: Searcher, limits: RentLimits) -> list[Check]:
    """Every criterion for this household and this flat, in a fixed order."""
    checks = [_rooms(offer, household)]
    checks.extend(_size_and_rent(offer, household, limits))
    checks.append(_wbs(offer, household))
    checks.append(_accessibility(offer, household))
    checks.append(_district(offer, household))
    checks.append(_readiness(household))
    return checks


def fits(checks: list[Check]) -> bool:
    return all(c.verdict is not Verdict.does_not_fit for c in checks)


def _rooms(offer: OfferReceived, household: Searcher) -> Check:
    persons = household.persons
    fewest, most = max(1, math.ceil(persons / 2)), persons + 1
    if offer.rooms < fewest:
        return _no("rooms", "rooms_too_few", rooms=offer.rooms, persons=persons, fewest=fewest)
    if offer.rooms > most:
        return _no("rooms", "rooms_too_many", rooms=offer.rooms, persons=persons, most=most)
    return _yes("rooms", "rooms_fit", rooms=offer.rooms, persons=persons)


def _size_and_rent(offer: OfferReceived, household: Searcher, limits: RentLimits) -> list[Check]:
    persons = household.persons
    limit = limits.for_persons(persons)
    if limit is None:
        return [_check("rent", Verdict.unknown, "no_rent_limit", persons=persons)]
    max_rent, max_size = limit
    checks = []
    size = offer.size_m2
    if max_size is not None:
        if size > max_size:
            checks.append(
                _no("size", "size_too_large", size=size, max_size=max_size, persons=persons)
            )
        else:
            checks.append(_yes("size", "size_fits", size=size, persons=persons))
    gross = offer.cold_rent + offer.running_costs
    rent = {"gross": gross, "max_rent": max_rent, "persons": persons}
    if gross > max_rent:
        checks.append(_no("rent", "rent_too_high", **rent))
    else:
        checks.append(_yes("rent", "rent_fits", **rent))
    return checks


def _wbs(offer: OfferReceived, household: Searcher) -> Check:
    if not offer.wbs_required:
        return _yes("wbs", "wbs_not_needed")
    if household.has_wbs is None:
        return _check("wbs", Verdict.unknown, "wbs_not_recorded")
    if not household.has_wbs:
        return _no("wbs", "wbs_missing")
    valid_until = household.wbs_valid_until
    if valid_until is not None and valid_until < offer.available_from:
        return _no("wbs", "wbs_expires", until=valid_until)
    return _yes("wbs", "wbs_held")


def _accessibility(offer: OfferReceived, household: Searcher) -> Check:
    if offer.accessible:
        return _yes("accessibility", "accessible")
    if household.needs_accessible is None:
        return _check("accessibility", Verdict.unknown, "accessibility_not_recorded")
    if household.needs_accessible:
        return _no("accessibility", "accessibility_needed")
    return _yes("accessibility", "accessibility_not_needed")


def _district(offer: OfferReceived, household: Searcher) -> Check:
    wished = household.preferred_districts
    # District codes are unique enough across the known municipalities (places.py).
    here = district_name(offer.district)
    if not wished:
        return _yes("district", "any_district")
    if offer.district in wished:
        return _yes("district", "district_wished", district=here)
    names = ", ".join(district_name(code) for code in wished)
    return _no("district", "district_not_wished", district=here, wished=names)


def _readiness(household: Searcher) -> Check:
    match household.readiness:
        case ReadinessResult.ready:
            return _yes("readiness", "ready")
        case ReadinessResult.ready_with_support:
            return _yes("readiness", "ready_with_support")
        case ReadinessResult.not_yet:
            return _no("readiness", "not_yet_ready")
        case _:
            return _check("readiness", Verdict.unknown, "readiness_not_assessed")


def _check(criterion: str, verdict: Verdict, code: str, **values: object) -> Check:
    """A check whose reason is the template `code` with `values`: in German in `reason`,
    and as template and neutral values for a page in another language (reasons.py)."""
    neutral = {name: _neutral(value) for name, value in values.items()}
    reason = fill(template_of(code), neutral, GERMAN)
    return Check(
        criterion=criterion, verdict=verdict, reason=reason, reason_code=code, values=neutral
    )


def _yes(criterion: str, code: str, **values: object) -> Check:
    return _check(criterion, Verdict.fits, code, **values)


def _no(criterion: str, code: str, **values: object) -> Check:
    return _check(criterion, Verdict.does_not_fit, code, **values)


def _neutral(value: object) -> str:
    """A value as reasons.py reads it back: a number "2.5", a day ISO, a name as it is."""
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _persons(n: int) -> str:
    return "1 Person" if n == 1 else f"{n} Personen"


def _number(value: Decimal) -> str:
    """German notation without needless decimals: 2,5 · 65 · 54,3."""
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


def _euro(value: Decimal) -> str:
    text = f"{value:,.2f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".") + " €"


GERMAN = Writing(persons=_persons, number=_number, euro=_euro, day=lambda d: f"{d:%d.%m.%Y}")
