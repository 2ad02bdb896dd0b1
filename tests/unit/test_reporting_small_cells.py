"""Small-cell suppression for analysts: the rule (primary and secondary, totals, parts of
a whole, medians), and that every way out of reporting (figures, stock, CSV, HTML, PDF,
changes) carries it for an analyst and exact figures for everyone else."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pypdf import PdfReader

from services.reporting.application.changes import figure_changes
from services.reporting.application.exports.documents import report_document
from services.reporting.application.figures import figures, stock
from services.reporting.domain.figures import FigureDefinition, Median, figure_of, small_cells
from services.reporting.domain.figures.small_cells import cells_to_hide, secondary
from shared.contracts.reporting import (
    Breakdown,
    BreakdownItem,
    DocumentFormat,
    Figure,
    FigureChangesQuery,
    FiguresQuery,
    ReportDocumentQuery,
    StockQuery,
    Unit,
)
from shared.identity import Role
from support.builders.reporting import COORDINATOR, caller, day, guarantee, world

ANALYST = caller(Role.analyst)
YEAR = FiguresQuery(period_from=day("2025-01-01"), period_to=day("2025-12-31"))


def counted(total: int, **items: int) -> Figure:
    return Figure(
        key="k",
        label="K",
        definition="",
        value=total,
        breakdowns=[
            Breakdown(
                dimension="d",
                label="nach D",
                items=[BreakdownItem(code=c, label=c, value=v) for c, v in items.items()],
            )
        ],
    )


def hidden_codes(figure: Figure, minimum: int = 5) -> set[str | None]:
    return {None if c is None else c[1] for c in cells_to_hide(figure, minimum)}


# ----------------------------------------------------------------------------- the rule


def test_a_cell_from_1_to_minimum_less_1_is_hidden_0_and_minimum_are_shown() -> None:
    assert hidden_codes(counted(0, a=0)) == set()
    assert hidden_codes(counted(5, a=5)) == set()
    assert hidden_codes(counted(4, a=4)) == {None, "a"}
    assert hidden_codes(counted(1, a=1, b=0)) == {None, "a"}
    assert hidden_codes(counted(3, a=3), minimum=3) == set()


def test_one_hidden_cell_of_a_shown_total_hides_the_smallest_other_non_zero_cell() -> None:
    # 20 − 12 − 7 would give the 1 back: the 7 (smallest other non-zero) is hidden too.
    assert hidden_codes(counted(20, a=1, b=12, c=0, d=7)) == {"a", "d"}


def test_hidden_cells_together_reach_the_minimum_or_all_are_hidden() -> None:
    # 1 and 1 hidden: 2 together (each is 1, everyone can tell): the next smallest, 3, too.
    assert hidden_codes(counted(30, a=1, b=1, c=3, d=25)) == {"a", "b", "c"}
    # Two hidden that already make 5: nothing more.
    assert hidden_codes(counted(30, a=2, b=3, c=25)) == {"a", "b"}
    # Equal candidates: the first in order.
    assert hidden_codes(counted(16, a=1, b=5, c=5, d=5)) == {"a", "b"}


def test_a_hidden_total_hides_every_non_zero_cell_and_nothing_else() -> None:
    assert hidden_codes(counted(3, a=1, b=2, c=0)) == {None, "a", "b"}


def test_what_is_shown_never_gives_a_hidden_cell_back_by_subtraction() -> None:
    for items in ({"a": 1, "b": 9, "c": 6}, {"a": 4, "b": 40}, {"a": 1, "b": 1, "c": 1, "d": 50}):
        figure = small_cells.hide(
            counted(sum(items.values()), **items),
            cells_to_hide(counted(sum(items.values()), **items), 5),
            5,
        )
        shown = [i.value for i in figure.breakdowns[0].items if not i.suppressed]
        hidden = [items[i.code] for i in figure.breakdowns[0].items if i.suppressed]
        assert len(hidden) >= 2 and sum(hidden) >= 5, items
        assert figure.value == sum(items.values()) == sum(v or 0 for v in shown) + sum(hidden)


def test_a_hidden_cell_is_marked_without_its_value() -> None:
    figure = counted(12, a=2, b=10)
    shown = small_cells.hide(figure, cells_to_hide(figure, 5), 5)
    a, b = shown.breakdowns[0].items
    assert (a.value, a.suppressed, a.display) == (None, True, "< 5")
    assert (b.value, b.suppressed, b.display) == (None, True, "< 5")
    assert (shown.value, shown.suppressed, shown.display) == (12, False, None)
    # JSON: the marker is explicit.
    assert shown.model_dump(mode="json")["breakdowns"][0]["items"][0] == {
        "code": "a",
        "label": "a",
        "value": None,
        "suppressed": True,
        "display": "< 5",
    }


def test_parts_of_a_whole_hide_a_second_part_when_one_is_hidden() -> None:
    whole = Figure(key="p", label="P", definition="", value=9)
    adults = Figure(key="a", label="A", definition="", value=7)
    minors = small_cells.hide(Figure(key="m", label="M", definition="", value=2), {None}, 5)
    protected = small_cells.protect_parts(whole, [adults, minors], [7, 2], 5)
    assert [p.suppressed for p in protected] == [True, True]
    assert protected[0].display == "< 5"
    big = Figure(key="m", label="M", definition="", value=5)
    assert small_cells.protect_parts(whole, [adults, big], [7, 5], 5) == [adults, big]


def test_secondary_leaves_a_breakdown_without_hidden_cells_alone() -> None:
    assert secondary([5, 6, 0], set(), 5) == set()


def test_a_median_of_fewer_facts_than_the_minimum_is_hidden() -> None:
    spec = Median(FigureDefinition("m", "M", "", Unit.days), "src", "x_id", "days")
    few = [{"days": 3.0, "n": 1}, {"days": 9.0, "n": 3}]
    enough = [*few, {"days": 4.0, "n": 1}]
    assert figure_of(spec, few).value == 9.0
    hidden = small_cells.protect(spec, figure_of(spec, few), few, 5)
    assert (hidden.value, hidden.suppressed, hidden.display) == (None, True, "< 5")
    assert small_cells.protect(spec, figure_of(spec, enough), enough, 5).value == 9.0


# --------------------------------------------------------------- reporting's answers


async def test_an_analyst_sees_one_household_as_less_than_5_a_coordinator_as_1(
    tmp_path: Path,
) -> None:
    async with world(tmp_path) as w:
        w.register("2025-11-02", adults=1, minors=1)
        await w.apply()
        exact = await figures(w.db, YEAR, COORDINATOR)
        shown = await figures(w.db, YEAR, ANALYST)
        seven = await figures(w.db, YEAR, ANALYST, min_cell=1)
    assert exact.value("households_registered") == 1
    assert exact.figure("households_registered").suppressed is False
    for key in ("households_registered", "persons_registered", "adults_registered"):
        cell = shown.figure(key)
        assert (cell.value, cell.suppressed, cell.display) == (None, True, "< 5"), key
    # 0 stays 0.
    assert shown.value("households_placed") == 0
    assert not shown.figure("households_placed").suppressed
    # Configured per deployment: with a minimum of 1 nothing is hidden.
    assert seven.value("households_registered") == 1


async def test_persons_of_one_household_are_hidden_however_many_they_are(
    tmp_path: Path,
) -> None:
    async with world(tmp_path) as w:
        w.register("2025-11-02", adults=2, minors=4)
        for _ in range(5):
            w.register("2025-11-03", adults=1)
        await w.apply()
        day_one = FiguresQuery(period_from=day("2025-11-02"), period_to=day("2025-11-02"))
        shown = await figures(w.db, day_one, ANALYST)
        year = await figures(w.db, YEAR, ANALYST)
    # Six persons, but one household: hidden.
    assert shown.figure("persons_registered").display == "< 5"
    assert shown.figure("households_registered").display == "< 5"
    # Over the year: 6 households, 11 persons (7 adults; the 4 minors of one household
    # are hidden, and so the adults, or 11 − 7 gives them back).
    assert year.value("persons_registered") == 11
    assert year.figure("minors_registered").suppressed
    assert year.figure("adults_registered").suppressed


async def test_a_hidden_part_of_the_persons_is_not_had_by_subtraction(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        for _ in range(5):
            w.register("2025-03-01", adults=2)
        w.register("2025-03-01", adults=1, minors=2)
        await w.apply()
        shown = await figures(w.db, YEAR, ANALYST)
    assert shown.value("households_registered") == 6
    assert shown.value("persons_registered") == 13
    # 2 minors is small; 11 adults would give them back (13 − 11): hidden as well.
    assert shown.figure("minors_registered").display == "< 5"
    assert shown.figure("adults_registered").suppressed


async def test_stock_is_suppressed_for_an_analyst(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        w.register("2025-03-01", adults=1, kind="shelter")
        await w.apply()
        query = StockQuery(on=day("2025-06-30"))
        shown = await stock(w.db, query, ANALYST)
        exact = await stock(w.db, query, COORDINATOR)
    assert (shown.figures[0].value, shown.figures[0].display) == (None, "< 5")
    assert exact.figures[0].value == 1


async def test_csv_html_and_pdf_show_less_than_5_to_an_analyst(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        w.register("2025-11-02", adults=1, minors=1)
        guarantee(w, "2025-03-01", "2025-03-04", "jobcenter")
        await w.apply()

        async def document(fmt: DocumentFormat, who: object = ANALYST) -> bytes:
            query = ReportDocumentQuery(**YEAR.model_dump(), format=fmt)
            return (await report_document(w.db, query, who)).body()  # type: ignore[arg-type]

        csv_body = await document(DocumentFormat.csv)
        html_body = await document(DocumentFormat.html)
        pdf_body = await document(DocumentFormat.pdf)
        exact_csv = await document(DocumentFormat.csv, COORDINATOR)
    rows = list(csv.reader(io.StringIO(csv_body.decode("utf-8-sig")), delimiter=";"))
    by_key = {(r[6], r[10]): r for r in rows[1:]}
    assert by_key[("households_registered", "")][11] == "< 5"
    assert by_key[("guarantee_decision_days_median", "")][11] == "< 5"
    exact_rows = list(csv.reader(io.StringIO(exact_csv.decode("utf-8-sig")), delimiter=";"))
    assert {(r[6], r[10]): r for r in exact_rows[1:]}[("households_registered", "")][11] == "1"
    assert "&lt; 5" in html_body.decode()
    assert "Kleine Zahlen" in html_body.decode()
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf_body)).pages)
    assert "< 5" in text


async def test_changes_show_no_hidden_value_to_an_analyst(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        w.register("2025-11-02", recorded="2026-01-10")
        await w.apply()
        query = FigureChangesQuery(
            **YEAR.model_dump(exclude={"as_known_on"}), as_known_on=day("2026-01-05")
        )
        shown = await figure_changes(w.db, query, ANALYST)
        exact = await figure_changes(w.db, query, COORDINATOR)
    assert {c.key: c.now for c in exact.changes}["households_registered"] == 1
    assert all(c.now is None for c in shown.changes if c.key == "households_registered")
