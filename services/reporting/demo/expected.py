"""What the figures of a generated year must be, counted straight from the plan.

Written without the reporting service's code on purpose: two independent countings of the
same year that agree are the proof. Values are flattened to `key` and, for each non-zero
breakdown item, `key.dimension.code` (the shape `flatten` gives the service's answer).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import date

from services.reporting.demo import expected_more as more
from services.reporting.demo import expected_programme as programme
from services.reporting.demo.model import Household, Year
from shared.contracts.reporting import Figures, Stock

Flat = dict[str, int | float | None]


class Tally:
    """Counts per figure key and per breakdown item; medians from collected values."""

    def __init__(self) -> None:
        self.values: dict[str, int | float | None] = defaultdict(int)
        self.samples: dict[str, list[float]] = defaultdict(list)

    def add(self, key: str, amount: int = 1, **items: str) -> None:
        self.values[key] += amount  # type: ignore[operator]
        for dimension, code in items.items():
            self.values[f"{key}.{dimension}.{code}"] += amount  # type: ignore[operator]

    def zero(self, *keys: str) -> None:
        for key in keys:
            self.values[key] += 0  # type: ignore[operator]

    def sample(self, key: str, value: float, by: tuple[str, str] | None = None) -> None:
        self.samples[key].append(value)
        if by is not None:
            self.samples[f"{key}.{by[0]}.{by[1]}"].append(value)

    def flat(self, medians: tuple[str, ...]) -> Flat:
        result: Flat = {k: v for k, v in self.values.items() if "." not in k or v}
        for key in medians:
            result[key] = None
        for key, values in self.samples.items():
            result[key] = round(statistics.median(values), 1)
        return result


def provider_on(h: Household, day: date) -> str:
    """Who is responsible for the household on `day` (after a hand-over, the new provider)."""
    if h.handover is not None and h.handover[0] <= day:
        return h.handover[1]
    return h.provider


def left_on(h: Household) -> tuple[date, str] | None:
    if h.placement is not None:
        return h.placement.moved_on, "moved_out_via_placement"
    return h.deregistration


def figures(y: Year, provider: str | None = None) -> Flat:
    """Every figure of the year `y` (whole municipality, or one provider)."""
    t = Tally()
    more.zeros(t, provider)
    first, last = y.first, y.last

    def ours(p: str) -> bool:
        return provider is None or p == provider

    for h in y.households:
        if first <= h.registered_on <= last and ours(h.provider):
            t.add("households_registered")
            t.add("persons_registered", h.adults + h.minors)
            t.add("adults_registered", h.adults)
            t.add("minors_registered", h.minors)
        gone = left_on(h)
        if (
            h.registered_on <= last
            and not (gone and gone[0] <= last)
            and ours(provider_on(h, last))
        ):
            t.add("households_active_at_period_end")
        if gone and first <= gone[0] <= last and ours(provider_on(h, gone[0])):
            t.add("households_deregistered", reason=gone[1])
        if h.readiness and first <= h.readiness[0] <= last and ours(provider_on(h, h.readiness[0])):
            t.add("readiness_assessments", result=h.readiness[1])
        if ours(h.provider):
            more.placement_figures(t, h, first, last, municipal=provider is None)
    more.offer_figures(t, y, provider)
    programme.volunteer_figures(t, y, ours)
    programme.prevention_figures(t, y, ours)
    programme.inbox_figures(t, y, provider)
    return t.flat(more.MEDIANS)


def stock(y: Year, on: date, provider: str | None = None) -> Flat:
    """The stock figures on the day `on`."""
    t = Tally()
    t.zero("stock_households", "stock_persons", "stock_minors", "stock_persons_city_rented_flats")
    for h in y.households:
        gone = left_on(h)
        if h.registered_on > on or (gone and gone[0] <= on):
            continue
        if provider is not None and provider_on(h, on) != provider:
            continue
        kind = "city_rented_flat" if h.flat_on and h.flat_on <= on else h.kind
        minors = h.minors + (1 if h.birth_on and h.birth_on <= on else 0)
        persons = h.adults + minors
        t.add("stock_households", accommodation_kind=kind)
        t.add("stock_persons", persons, accommodation_kind=kind)
        t.add("stock_minors", minors)
        if kind == "city_rented_flat":
            t.add("stock_persons_city_rented_flats", persons)
    return t.flat(())


def flatten(answer: Figures | Stock) -> Flat:
    """The service's answer in the same shape as the expectation."""
    shown = answer.every_figure() if isinstance(answer, Figures) else answer.figures
    result: Flat = {}
    for f in shown:
        result[f.key] = f.value
        for breakdown in f.breakdowns:
            for item in breakdown.items:
                if item.value:
                    result[f"{f.key}.{breakdown.dimension}.{item.code}"] = item.value
    return result
