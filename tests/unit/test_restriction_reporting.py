"""Restriction (Art. 18 DSGVO) in reporting (SQLite, no NATS): the caseboard shows a
restricted household to a coordinator only, marked „eingeschränkt“; a drill-down
withholds its id from everyone else and counts it in `withheld`; no figure changes; a
lift brings it back."""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

from services.reporting.application.caseboard import caseboard_view
from services.reporting.application.figures import figure_cases, stock_cases
from shared.contracts import intake as i
from shared.contracts.reporting import CaseboardQuery, FigureCasesQuery, StockCasesQuery
from shared.identity import Caller, Role
from support.builders.reporting import World, at, caller, world

COORDINATOR = caller()
CARITAS = caller(Role.caseworker, "caritas")
ADMIN = caller(Role.admin)


def restrict(w: World, household: UUID, on: str) -> None:
    event = i.ProcessingRestricted(
        household_id=household, reason=i.RestrictionReason.legal_claims, occurred_at=at(on)
    )
    w.record(event, f"household:{household}", provider="caritas")


def lift(w: World, household: UUID, on: str) -> None:
    event = i.RestrictionLifted(household_id=household, occurred_at=at(on))
    w.record(event, f"household:{household}", provider="caritas")


async def board(w: World, who: Caller) -> dict[UUID, str | None]:
    view = await caseboard_view(w.db, CaseboardQuery(), who)
    assert sum(view.by_stage.values()) == len(view.cases)
    return {c.household_id: c.restriction_label for c in view.cases}


async def drill_down(w: World, who: Caller) -> tuple[set[UUID], int]:
    query = FigureCasesQuery(
        key="households_registered", period_from="2025-01-01", period_to="2025-12-31"
    )
    found = await figure_cases(w.db, query, who)
    return set(found.ids), found.withheld


async def test_only_the_coordinator_sees_a_restricted_case_and_figures_stay(
    tmp_path: Path,
) -> None:
    async with world(tmp_path) as w:
        a, b = w.register("2025-03-01"), w.register("2025-03-02")
        await w.apply()
        before = await w.figures()
        restrict(w, a, "2025-04-01")
        restrict(w, a, "2025-04-01")  # a redelivered restriction changes nothing
        await w.apply()

        assert await board(w, COORDINATOR) == {a: "eingeschränkt", b: None}
        assert await board(w, CARITAS) == {b: None}
        assert await board(w, ADMIN) == {b: None}
        assert await drill_down(w, COORDINATOR) == ({a, b}, 0)
        assert await drill_down(w, CARITAS) == ({b}, 1)
        assert await drill_down(w, ADMIN) == ({b}, 1)
        assert await w.figures() == before

        lift(w, a, "2025-05-01")
        await w.apply()
        assert await board(w, CARITAS) == {a: None, b: None}
        assert await drill_down(w, CARITAS) == ({a, b}, 0)
        assert await w.figures() == before


async def test_the_restriction_outlives_the_case_and_reaches_the_stock(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        a = w.register("2025-03-01")
        deregistered = i.HouseholdDeregistered(
            household_id=a,
            reason=i.DeregistrationReason.moved_on_own,
            adults=1,
            minors=0,
            occurred_at=at("2025-03-10"),
        )
        w.record(deregistered, f"household:{a}", provider="caritas")
        restrict(w, a, "2025-04-01")
        await w.apply()
        # Closed cases leave the caseboard; the drill-down still withholds the id.
        assert await drill_down(w, CARITAS) == (set(), 1)
        stock = StockCasesQuery(key="stock_households", on="2025-03-05")
        shown = await stock_cases(w.db, stock, CARITAS)
        assert (shown.ids, shown.withheld) == ([], 1)
        assert (await stock_cases(w.db, stock, COORDINATOR)).ids == [a]
