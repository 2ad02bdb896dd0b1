"""Volunteer's Alembic history builds exactly the tables its code uses, and undoes them."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from services.volunteer.adapters.tables import VOLUNTEER
from services.volunteer.entrypoints.app import MIGRATIONS
from shared.eventstore.schema import BACKBONE
from shared.migrations import alembic_config


def test_the_migrated_schema_matches_the_tables_and_can_be_undone(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/volunteer.db"
    config = alembic_config(MIGRATIONS, url)
    command.upgrade(config, "head")
    engine = sa.create_engine(url)
    expected = sa.MetaData()
    for table in (*BACKBONE.tables.values(), *VOLUNTEER.tables.values()):
        table.to_metadata(expected)
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), expected)
    assert differences == []

    command.downgrade(config, "base")
    with engine.connect() as conn:
        assert set(sa.inspect(conn).get_table_names()) == {"alembic_version"}
    engine.dispose()
