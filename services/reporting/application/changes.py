"""The difference between a report as it was sent and the same report now: late entries
and corrections recorded since show up here, figure by figure."""

from __future__ import annotations

from services.reporting.application.figures import figures
from services.reporting.domain.figures import small_cells
from shared.contracts.reporting import (
    FigureChange,
    FigureChanges,
    FigureChangesQuery,
    Figures,
    FiguresQuery,
)
from shared.db import Database
from shared.identity import Caller

Entry = tuple[str, str, str | None, str | None]  # key, label, item code, item label


async def figure_changes(
    db: Database,
    query: FigureChangesQuery,
    caller: Caller,
    min_cell: int = small_cells.DEFAULT_MINIMUM,
) -> FigureChanges:
    """Every figure and breakdown item of the period whose value differs between then and now
    (for an analyst, as suppressed: a hidden cell is null on its side)."""
    now_query = FiguresQuery.model_validate(query.model_dump() | {"as_known_on": None})
    then = await figures(db, query, caller, min_cell)
    now = await figures(db, now_query, caller, min_cell)
    before, after = _entries(then), _entries(now)
    changes = []
    for entry, value in after.items():
        if before.get(entry) != value:
            key, label, item, item_label = entry
            changes.append(
                FigureChange(
                    key=key,
                    label=label,
                    item=item,
                    item_label=item_label,
                    then=before.get(entry),
                    now=value,
                )
            )
    return FigureChanges(
        municipality=now.municipality,
        period_from=query.period_from,
        period_to=query.period_to,
        provider=query.provider,
        as_known_on=query.as_known_on,
        changes=changes,
    )


def _entries(report: Figures) -> dict[Entry, int | float | None]:
    entries: dict[Entry, int | float | None] = {}
    for f in report.every_figure():
        entries[(f.key, f.label, None, None)] = f.value
        for breakdown in f.breakdowns:
            for i in breakdown.items:
                entries[(f.key, f.label, f"{breakdown.dimension}:{i.code}", i.label)] = i.value
    return entries
