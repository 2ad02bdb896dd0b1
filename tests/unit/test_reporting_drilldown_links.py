"""Reporting marks each figure with whether the caller may open the cases behind it, so
that the report page links exactly what the drill-down answers: the coordinator every
figure, a caseworker those of their own provider's report, the housing office the
Wohnintegrationshilfe's, the analyst none; a figure kept for the whole municipality not
for one provider."""

from __future__ import annotations

from pathlib import Path

from services.reporting.application.access import may_open_cases
from services.reporting.application.figures import figures, stock
from services.reporting.domain.figures import PREVENTION_KEYS
from shared.contracts.reporting import FiguresQuery, StockQuery
from shared.identity import Role
from support.builders.reporting import COORDINATOR, caller, day, world

YEAR = FiguresQuery(period_from=day("2025-01-01"), period_to=day("2025-12-31"))
CARITAS = caller(Role.caseworker, provider="caritas")


def openable(found: dict[str, bool]) -> set[str]:
    return {key for key, cases in found.items() if cases}


async def test_each_role_gets_links_to_what_it_may_open(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        everything = await figures(w.db, YEAR, COORDINATOR)
        keys = {f.key for f in everything.every_figure()}
        by_role = {
            name: {f.key: f.cases for f in (await figures(w.db, query, who)).every_figure()}
            for name, query, who in (
                ("coordinator", YEAR, COORDINATOR),
                ("analyst", YEAR, caller(Role.analyst)),
                ("housing_office", YEAR, caller(Role.housing_office)),
                ("caseworker_all", YEAR, CARITAS),
                ("caseworker_own", YEAR.model_copy(update={"provider": "caritas"}), CARITAS),
            )
        }
        on = await stock(w.db, StockQuery(on=day("2025-12-31")), COORDINATOR)
        on_analyst = await stock(w.db, StockQuery(on=day("2025-12-31")), caller(Role.analyst))
    assert openable(by_role["coordinator"]) == keys
    assert openable(by_role["analyst"]) == set()
    assert openable(by_role["housing_office"]) == keys & PREVENTION_KEYS
    # Behind a figure of all providers a caseworker would see only a part of it: no link.
    assert openable(by_role["caseworker_all"]) == set()
    own = by_role["caseworker_own"]
    assert openable(own) == set(own) and own  # a provider's report has no municipal figure
    assert all(f.cases for f in on.figures) and not any(f.cases for f in on_analyst.figures)


def test_a_municipal_figure_opens_only_for_the_whole_municipality() -> None:
    assert may_open_cases(COORDINATOR, "x", None, municipal_only=True)
    assert not may_open_cases(COORDINATOR, "x", "caritas", municipal_only=True)
    assert may_open_cases(CARITAS, "x", "caritas", municipal_only=False)
    assert not may_open_cases(CARITAS, "x", "drk", municipal_only=False)
