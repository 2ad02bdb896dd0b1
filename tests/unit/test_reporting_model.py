"""The figure model itself: medians, breakdowns that always add up, definitions for every
figure, sources and dimensions that exist, and a migration that builds the code's tables."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from services.reporting.adapters.sources import SOURCES
from services.reporting.adapters.tables import REPORTING
from services.reporting.domain.figures import (
    PERIOD_SPECS,
    STOCK_SPECS,
    Count,
    Dimension,
    FigureDefinition,
    Median,
    figure_of,
    select_rows,
    weighted_median,
)
from services.reporting.entrypoints.app import MIGRATIONS
from shared.migrations import upgrade

STATE_SOURCES = {
    "households_active",
    "stock",
    "visits_overdue",
    "inquiries_open",
    "volunteers_active",
}
STATE_COLUMNS = {
    "household_id",
    "case_id",
    "inquiry_id",
    "volunteer_id",
    "provider",
    "accommodation_kind",
}
ALL = {**PERIOD_SPECS, **STOCK_SPECS}


@pytest.mark.parametrize(
    ("pairs", "median"),
    [
        ([], None),
        ([(4.0, 1)], 4.0),
        ([(1.0, 1), (3.0, 1)], 2.0),
        ([(1.0, 2), (10.0, 1)], 1.0),
        ([(1.0, 1), (2.0, 2), (9.0, 1)], 2.0),
        ([(5.0, 0), (7.0, 2)], 7.0),
    ],
)
def test_the_weighted_median(pairs: list[tuple[float, int]], median: float | None) -> None:
    assert weighted_median(pairs) == median


def test_a_code_from_a_newer_producer_is_shown_so_the_breakdown_adds_up() -> None:
    spec = Count(
        FigureDefinition("x", "X", "Definition."),
        "s",
        "id",
        breakdowns=(Dimension("channel", "nach Weg", {"email": "E-Mail", "phone": "Telefon"}),),
    )
    rows = [{"channel": "email", "n": 2}, {"channel": "carrier_pigeon", "n": 1}]
    figure = figure_of(spec, rows)
    items = [(i.code, i.label, i.value) for i in figure.breakdowns[0].items]
    assert items == [
        ("email", "E-Mail", 2),
        ("phone", "Telefon", 0),
        ("carrier_pigeon", "carrier_pigeon", 1),
    ]
    assert sum(int(i[2] or 0) for i in items) == figure.value
    assert select_rows(spec, [{"channel": "email", "id": 1, "n": 1}], "phone") == []


def test_every_figure_has_a_german_label_and_definition_and_a_unique_key() -> None:
    keys = [s.figure.key for s in ALL.values()]
    assert len(keys) == len(set(keys))
    for spec in ALL.values():
        assert spec.figure.label and spec.figure.definition.endswith(".")
        codes = [code for d in spec.breakdowns for code in d.labels]
        assert len(codes) == len(set(codes)), f"{spec.figure.key}: a code in two breakdowns"


def test_every_source_and_dimension_a_figure_uses_exists() -> None:
    for spec in ALL.values():
        wanted = {d.name for d in spec.breakdowns} | {spec.subject}
        if isinstance(spec, Median):
            wanted.add(spec.column)
        if spec.source in STATE_SOURCES:
            assert wanted <= STATE_COLUMNS, spec.figure.key
            continue
        source = SOURCES[spec.source]
        assert wanted <= set(source.dims) | set(source.ids), spec.figure.key
        if isinstance(spec, Count) and spec.measure != "rows":
            assert source.persons, spec.figure.key


def test_the_migrations_build_every_table_column_and_index_the_code_uses(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/reporting.db"
    upgrade(MIGRATIONS, url)
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        inspector = sa.inspect(conn)
        for table in REPORTING.tables.values():
            columns = {c["name"]: c for c in inspector.get_columns(table.name)}
            assert set(columns) == set(table.columns.keys()), table.name
            for column in table.columns:
                assert column.primary_key or columns[column.name]["nullable"] == column.nullable
            indexes = {x["name"] for x in inspector.get_indexes(table.name)}
            assert indexes == {x.name for x in table.indexes}, table.name
    engine.dispose()
