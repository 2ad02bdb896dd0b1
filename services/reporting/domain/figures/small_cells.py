"""Small-cell suppression: what an analyst may see of a figure. Pure: no SQL, no I/O.

A count from 1 to `minimum − 1` could be one household (one provider, one day): such a
cell is hidden ("< 5"); 0 stays 0. So is a count of persons made by fewer than `minimum`
facts (one household of six is six persons, and still one household). A hidden cell
must not come back by subtraction, so in every breakdown whose total is shown, the
smallest other non-zero cells are hidden as well until at least two cells are hidden and
together they are at least `minimum` (secondary suppression). A median is hidden where
fewer than `minimum` facts make it; medians do not add up, so nothing else needs hiding
for them. The same rule holds for figures that are the parts of another (adults and
minors of the persons registered). See services/reporting/README.md.
"""

from __future__ import annotations

from collections.abc import Sequence

from services.reporting.domain.figures.model import Count, Median, Row, Spec, figure_of
from shared.contracts.reporting import Figure, Value

DEFAULT_MINIMUM = 5
# (dimension, code) of a breakdown item; None for the figure's own value.
Cell = tuple[str, str] | None


def display(minimum: int) -> str:
    return f"< {minimum}"


def is_small(value: int | float | None, minimum: int) -> bool:
    return value is not None and 0 < value < minimum


def secondary(values: Sequence[Value], hidden: set[int], minimum: int) -> set[int]:
    """The positions to hide among parts of a shown total, `hidden` being hidden already.

    Adds the smallest non-zero parts (first of equals) until none is hidden, or at least
    two are and together they reach `minimum`.
    """
    hidden = set(hidden)

    def exposed() -> bool:
        amount = sum(values[i] or 0 for i in hidden)
        return bool(hidden) and (len(hidden) < 2 or amount < minimum)

    while exposed():
        candidates = [i for i, v in enumerate(values) if i not in hidden and v]
        if not candidates:
            break
        hidden.add(min(candidates, key=lambda i: (values[i] or 0, i)))
    return hidden


def cells_to_hide(
    basis: Figure,
    minimum: int,
    *,
    with_secondary: bool = True,
    also: frozenset[Cell] | set[Cell] = frozenset(),
) -> set[Cell]:
    """The cells of `basis` (a count) that an analyst must not see; `also`: cells hidden
    for another reason (too few facts behind them), before the secondary rule."""
    hidden: set[Cell] = set()
    total_hidden = is_small(basis.value, minimum) or None in also
    if total_hidden:
        hidden.add(None)
    for breakdown in basis.breakdowns:
        values = [item.value for item in breakdown.items]
        small = {
            i
            for i, v in enumerate(values)
            if is_small(v, minimum) or (breakdown.dimension, breakdown.items[i].code) in also
        }
        if with_secondary and not total_hidden:
            small = secondary(values, small, minimum)
        hidden |= {(breakdown.dimension, breakdown.items[i].code) for i in small}
    return hidden


def hide(figure: Figure, cells: set[Cell], minimum: int) -> Figure:
    """`figure` with `cells` replaced by the marker: no value, suppressed, "< minimum"."""
    if not cells:
        return figure
    marker = {"value": None, "suppressed": True, "display": display(minimum)}
    breakdowns = [
        breakdown.model_copy(
            update={
                "items": [
                    item.model_copy(update=marker)
                    if (breakdown.dimension, item.code) in cells
                    else item
                    for item in breakdown.items
                ]
            }
        )
        for breakdown in figure.breakdowns
    ]
    update: dict[str, object] = {"breakdowns": breakdowns}
    if None in cells:
        update |= marker
    return figure.model_copy(update=update)


def protect(spec: Spec, figure: Figure, rows: Sequence[Row], minimum: int) -> Figure:
    """`figure` (worked out from `rows` by `spec`) as an analyst may see it."""
    if isinstance(spec, Median):
        return hide(figure, few_facts(spec, rows, minimum), minimum)
    if spec.measure == "rows":
        return hide(figure, cells_to_hide(figure, minimum), minimum)
    also = few_facts(spec, rows, minimum)
    return hide(figure, cells_to_hide(figure, minimum, also=also), minimum)


def few_facts(spec: Spec, rows: Sequence[Row], minimum: int) -> set[Cell]:
    """The cells of `spec`'s figure made by 1 to `minimum − 1` facts (that add to it)."""

    def adds(row: Row) -> bool:
        return spec.when(row) and (isinstance(spec, Median) or spec.amount(row) > 0)

    counted = Count(spec.figure, spec.source, spec.subject, adds, "rows", spec.breakdowns)
    return cells_to_hide(figure_of(counted, rows), minimum, with_secondary=False)


def protect_parts(
    whole: Figure, parts: Sequence[Figure], exact: Sequence[Value], minimum: int
) -> list[Figure]:
    """`parts` as an analyst may see them (already protected one by one; `exact` their
    values before): figures without breakdowns that add up to `whole`, so a hidden part
    must not be had as `whole` minus the others."""
    if whole.suppressed:
        return list(parts)
    hidden = secondary(exact, {i for i, p in enumerate(parts) if p.suppressed}, minimum)
    return [hide(p, {None}, minimum) if i in hidden else p for i, p in enumerate(parts)]
