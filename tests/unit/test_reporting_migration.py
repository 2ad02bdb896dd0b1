"""Reporting's Alembic history builds exactly the tables its code uses (the due list's
indexes of reporting_0011 included, partial one too), and undoes them."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from services.reporting.adapters.schema import REPORTING
from services.reporting.entrypoints.app import MIGRATIONS
from shared.eventstore.schema import BACKBONE
from shared.migrations import alembic_config


def test_the_migrated_schema_matches_the_tables_and_can_be_undone(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/reporting.db"
    config = alembic_config(MIGRATIONS, url)
    command.upgrade(config, "head")
    engine = sa.create_engine(url)
    expected = sa.MetaData()
    for table in (*BACKBONE.tables.values(), *REPORTING.tables.values()):
        table.to_metadata(expected)
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), expected)
        # The partial index keeps its condition (compare_metadata does not look at it).
        partial = conn.execute(
            sa.text("SELECT sql FROM sqlite_master WHERE name = 'ix_follow_ups_assignee'")
        ).scalar_one()
    assert differences == []
    assert "WHERE assignee IS NOT NULL" in partial

    command.downgrade(config, "reporting_0010")
    with engine.connect() as conn:
        names = {index["name"] for index in sa.inspect(conn).get_indexes("follow_ups")}
    assert "ix_follow_ups_due" in names and "ix_follow_ups_assignee" not in names
    command.downgrade(config, "base")
    with engine.connect() as conn:
        assert set(sa.inspect(conn).get_table_names()) == {"alembic_version"}
    engine.dispose()
