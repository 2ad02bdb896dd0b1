"""Answering figure queries: a period's report, the stock on a day, the cases behind one.

Figures never change for a restriction (Art. 18 DSGVO): they are counts, not processing
of one household. A drill-down withholds a restricted household's id from everyone but
a coordinator and says how many it withheld, so ids and withheld still add up.

An analyst sees aggregates only: cells small enough to point at a household are
suppressed here, where the figures are made, so no client of reporting gets them
(`domain/figures/small_cells.py`).
"""

from __future__ import annotations

from collections.abc import Iterable

from services.reporting.adapters.restrictions import restricted_in
from services.reporting.application import access
from services.reporting.application.reader import FactReader
from services.reporting.domain.figures import (
    ADULTS_REGISTERED,
    MINORS_REGISTERED,
    PERIOD_SPECS,
    PERSONS_REGISTERED,
    REGISTRATIONS,
    SECTIONS,
    STOCK,
    STOCK_SPECS,
    Spec,
    figure_of,
    select_rows,
    small_cells,
)
from shared.contracts.reporting import (
    Figure,
    FigureCases,
    FigureCasesQuery,
    Figures,
    FigureSection,
    FiguresQuery,
    Stock,
    StockCasesQuery,
    StockQuery,
)
from shared.db import Database
from shared.decider import NotFound
from shared.identity import Caller, Role


async def figures(
    db: Database,
    query: FiguresQuery,
    caller: Caller,
    min_cell: int = small_cells.DEFAULT_MINIMUM,
) -> Figures:
    """Every figure of the period, with definitions; per provider without municipal ones."""
    access.require_figures(caller)
    minimum = _minimum(caller, min_cell)
    async with db.read() as conn:
        reader = FactReader(conn, caller.municipality, query)
        await reader.prefetch(s.source for s in PERIOD_SPECS.values())
        top = [await _figure(reader, spec, minimum) for spec in REGISTRATIONS]
        if minimum is not None:
            top = await _registration_parts(reader, top, minimum)
        top = _openable(top, REGISTRATIONS, caller, query.provider)
        sections = []
        for section in SECTIONS:
            specs = [s for s in section.specs if _applies(s, query.provider)]
            if specs:
                shown = [await _figure(reader, spec, minimum) for spec in specs]
                shown = _openable(shown, specs, caller, query.provider)
                sections.append(FigureSection(key=section.key, title=section.title, figures=shown))
    return Figures(
        municipality=caller.municipality,
        period_from=query.period_from,
        period_to=query.period_to,
        provider=query.provider,
        as_known_on=query.as_known_on,
        figures=top,
        sections=sections,
    )


async def stock(
    db: Database,
    query: StockQuery,
    caller: Caller,
    min_cell: int = small_cells.DEFAULT_MINIMUM,
) -> Stock:
    """Who lived in municipal accommodation on a day."""
    access.require_figures(caller)
    minimum = _minimum(caller, min_cell)
    async with db.read() as conn:
        reader = FactReader(conn, caller.municipality, _one_day(query))
        shown = [await _figure(reader, spec, minimum) for spec in STOCK]
        shown = _openable(shown, STOCK, caller, query.provider)
    return Stock(
        municipality=caller.municipality,
        on=query.on,
        provider=query.provider,
        as_known_on=query.as_known_on,
        figures=shown,
    )


async def figure_cases(db: Database, query: FigureCasesQuery, caller: Caller) -> FigureCases:
    """The ids behind one figure of a period (and one code of a breakdown, if asked)."""
    spec = PERIOD_SPECS.get(query.key)
    if spec is None:
        raise NotFound("figure", f"Eine Kennzahl „{query.key}“ gibt es nicht.")
    scoped = query.model_copy(
        update={"provider": access.cases_scope(caller, query.key, query.provider)}
    )
    return await _cases(db, spec, scoped, caller, scoped.item)


async def stock_cases(db: Database, query: StockCasesQuery, caller: Caller) -> FigureCases:
    """The households behind one stock figure on a day."""
    spec = STOCK_SPECS.get(query.key)
    if spec is None:
        raise NotFound("figure", f"Eine Bestandszahl „{query.key}“ gibt es nicht.")
    provider = access.cases_scope(caller, query.key, query.provider)
    period = _one_day(query).model_copy(update={"provider": provider})
    return await _cases(db, spec, period, caller, query.item)


async def _cases(
    db: Database, spec: Spec, query: FiguresQuery, caller: Caller, item: str | None
) -> FigureCases:
    if not _applies(spec, query.provider):
        raise NotFound(
            "figure", "Diese Kennzahl gibt es nur für die ganze Kommune, nicht je Träger."
        )
    async with db.read() as conn:
        rows = await FactReader(conn, caller.municipality, query).rows(spec.source, with_ids=True)
        hidden = set()
        if spec.subject == "household_id" and caller.role is not Role.coordinator:
            hidden = await restricted_in(conn, caller.municipality)
    found = {row[spec.subject] for row in select_rows(spec, rows, item)}
    return FigureCases(
        key=spec.figure.key,
        label=spec.figure.label,
        item=item,
        item_label=next((d.labels[item] for d in spec.breakdowns if item in d.labels), None)
        if item
        else None,
        subject=spec.subject.removesuffix("_id"),
        ids=sorted(found - hidden, key=str),
        withheld=len(found & hidden),
    )


async def _figure(reader: FactReader, spec: Spec, minimum: int | None = None) -> Figure:
    rows = await reader.rows(spec.source)
    figure = figure_of(spec, rows)
    return figure if minimum is None else small_cells.protect(spec, figure, rows, minimum)


def _openable(
    figures: list[Figure], specs: Iterable[Spec], caller: Caller, provider: str | None
) -> list[Figure]:
    """The figures marked with whether the caller may open the cases behind them, so that
    a page links only what answers (the drill-down itself checks again)."""
    return [
        figure.model_copy(
            update={
                "cases": access.may_open_cases(caller, figure.key, provider, spec.municipal_only)
            }
        )
        for figure, spec in zip(figures, specs, strict=True)
    ]


def _minimum(caller: Caller, min_cell: int) -> int | None:
    """The smallest cell the caller may see; None: every figure exactly."""
    return min_cell if caller.role is Role.analyst else None


# Figures that add up to another one: (whole, parts). Adults and minors make the persons.
_PARTS = ((PERSONS_REGISTERED.key, (ADULTS_REGISTERED.key, MINORS_REGISTERED.key)),)


async def _registration_parts(reader: FactReader, top: list[Figure], minimum: int) -> list[Figure]:
    """`top` (protected) with a hidden part of a whole not to be had by subtraction."""
    specs = {s.figure.key: s for s in REGISTRATIONS}
    for whole_key, part_keys in _PARTS:
        at = {f.key: i for i, f in enumerate(top)}
        exact = [(await _figure(reader, specs[k])).value for k in part_keys]
        parts = [top[at[k]] for k in part_keys]
        protected = small_cells.protect_parts(top[at[whole_key]], parts, exact, minimum)
        for key, figure in zip(part_keys, protected, strict=True):
            top[at[key]] = figure
    return top


def _applies(spec: Spec, provider: str | None) -> bool:
    return provider is None or not spec.municipal_only


def _one_day(query: StockQuery) -> FiguresQuery:
    return FiguresQuery(
        period_from=query.on,
        period_to=query.on,
        provider=query.provider,
        as_known_on=query.as_known_on,
    )
