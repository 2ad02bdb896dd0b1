"""What a figure is and how it is worked out from rows of facts. Pure: no SQL, no I/O.

A *source* names rows of facts: the events of one kind in the period (`placements`,
`consultations` …) or a state on a day (`households_active`, `stock`). The adapters
deliver a source's rows either grouped (`n` rows alike, their `adults` and `minors`
summed) or one per fact with its ids, for a drill-down. Both shapes go through the same
`when` predicate here, so a figure and the list of cases behind it never disagree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from services.reporting.domain.labels import Labels
from shared.contracts.reporting import Breakdown, BreakdownItem, Figure, Unit, Value

Row = Mapping[str, Any]
Predicate = Callable[[Row], bool]
Measure = Literal["rows", "persons", "adults", "minors"]


def always(_row: Row) -> bool:
    return True


@dataclass(frozen=True)
class FigureDefinition:
    key: str
    label: str
    definition: str
    unit: Unit = Unit.number


@dataclass(frozen=True)
class Dimension:
    """A column a figure is broken down by, with the German label of each code."""

    name: str
    label: str
    labels: Labels


@dataclass(frozen=True)
class Count:
    """How many facts of `source` (or persons in them) satisfy `when`."""

    figure: FigureDefinition
    source: str
    subject: str
    when: Predicate = always
    measure: Measure = "rows"
    breakdowns: tuple[Dimension, ...] = ()
    municipal_only: bool = False

    def amount(self, row: Row) -> int:
        if self.measure == "rows":
            return int(row["n"])
        if self.measure == "persons":
            return int(row["adults"]) + int(row["minors"])
        return int(row[self.measure])


@dataclass(frozen=True)
class Median:
    """The median of `column` over the facts of `source` that satisfy `when`."""

    figure: FigureDefinition
    source: str
    subject: str
    column: str
    when: Predicate = always
    by: Dimension | None = None
    municipal_only: bool = False

    @property
    def breakdowns(self) -> tuple[Dimension, ...]:
        return () if self.by is None else (self.by,)


Spec = Count | Median


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    specs: Sequence[Spec] = field(default_factory=tuple)
    chart: str | None = None  # the figure whose first breakdown the printed report charts


def figure_of(spec: Spec, rows: Sequence[Row]) -> Figure:
    """The figure `spec` defines, worked out from `rows` of its source."""
    kept = [r for r in rows if spec.when(r)]
    value: Value = (
        sum(spec.amount(r) for r in kept) if isinstance(spec, Count) else _median(spec, kept)
    )
    breakdowns = [
        Breakdown(
            dimension=d.name,
            label=d.label,
            items=[
                BreakdownItem(code=code, label=label, value=value_of(spec, group))
                for code, label, group in _groups(d, kept)
            ],
        )
        for d in spec.breakdowns
    ]
    f = spec.figure
    return Figure(
        key=f.key,
        label=f.label,
        definition=f.definition,
        value=value,
        unit=f.unit,
        breakdowns=breakdowns,
    )


def value_of(spec: Spec, rows: Sequence[Row]) -> Value:
    if isinstance(spec, Count):
        return sum(spec.amount(r) for r in rows)
    return _median(spec, rows)


def select_rows(spec: Spec, rows: Iterable[Row], item: str | None) -> list[Row]:
    """The rows behind `spec` (and one code of one of its breakdowns, if `item` is given)."""
    kept = [r for r in rows if spec.when(r)]
    if item is None:
        return kept
    for dimension in spec.breakdowns:
        if item in dimension.labels or any(_code(r[dimension.name]) == item for r in kept):
            return [r for r in kept if _code(r[dimension.name]) == item]
    return []


def _groups(dimension: Dimension, rows: Sequence[Row]) -> list[tuple[str, str, list[Row]]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[_code(row[dimension.name])].append(row)
    known = [(code, label, grouped.get(code, [])) for code, label in dimension.labels.items()]
    # A code from a newer producer: shown as itself so the breakdown still adds up.
    unknown = [
        (code, code, group) for code, group in grouped.items() if code not in dimension.labels
    ]
    return known + sorted(unknown)


def _code(value: object) -> str:
    return "" if value is None else str(getattr(value, "value", value))


def _median(spec: Median, rows: Sequence[Row]) -> float | None:
    return weighted_median((float(r[spec.column]), int(r["n"])) for r in rows)


def weighted_median(pairs: Iterable[tuple[float, int]]) -> float | None:
    """The median of values given with how often each occurs; None if there are none."""
    ordered = sorted((v, n) for v, n in pairs if n > 0)
    total = sum(n for _, n in ordered)
    if total == 0:
        return None
    lower_rank, upper_rank = (total - 1) // 2, total // 2
    lower = upper = None
    seen = 0
    for value, n in ordered:
        if lower is None and lower_rank < seen + n:
            lower = value
        if upper_rank < seen + n:
            upper = value
            break
        seen += n
    assert lower is not None and upper is not None
    return round((lower + upper) / 2, 1)


def flag(name: str, expected: object = True) -> Predicate:
    """A predicate on one dimension's value."""

    def check(row: Row) -> bool:
        return bool(row[name] == expected)

    return check


def every(*predicates: Predicate) -> Predicate:
    def check(row: Row) -> bool:
        return all(p(row) for p in predicates)

    return check


def one_of(name: str, values: Mapping[str, object] | Iterable[str]) -> Predicate:
    allowed = set(values)

    def check(row: Row) -> bool:
        return _code(row[name]) in allowed

    return check
