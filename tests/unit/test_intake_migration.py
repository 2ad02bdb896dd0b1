"""Migration 0002 on a database that already holds households from 0001: the duplicate
look-up keys are filled for the existing rows, and the step can be undone."""

from __future__ import annotations

from pathlib import Path
from uuid import uuid4

import sqlalchemy as sa
from alembic import command

from services.intake.entrypoints.app import MIGRATIONS
from shared.migrations import alembic_config


def test_existing_households_get_their_lookup_keys(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/intake.db"
    config = alembic_config(MIGRATIONS, url)
    command.upgrade(config, "intake_0001")
    engine = sa.create_engine(url)
    household_id = uuid4()
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO household_details (household_id, municipality, phone) "
                "VALUES (:id, 'koeln', '+49 (221) 12-34')"
            ),
            {"id": household_id.hex},
        )
        conn.execute(
            sa.text(
                "INSERT INTO household_members (member_id, household_id, position, role, "
                "age_band, family_name) VALUES (:m, :h, 0, 'head', '27-64', :name)"
            ),
            {"m": uuid4().hex, "h": household_id.hex, "name": " Müller  Lüdenscheidt"},
        )

    command.upgrade(config, "head")
    with engine.begin() as conn:
        assert (
            conn.execute(sa.text("SELECT phone_key FROM household_details")).scalar() == "02211234"
        )
        key = conn.execute(sa.text("SELECT family_name_key FROM household_members")).scalar()
        assert key == "müller lüdenscheidt"
        tables = set(sa.inspect(conn).get_table_names())
        assert {"household_consents", "readiness_notes", "inquiry_inbox"} <= tables

    command.downgrade(config, "intake_0001")
    with engine.begin() as conn:
        assert "inquiry_inbox" not in set(sa.inspect(conn).get_table_names())
        columns = {c["name"] for c in sa.inspect(conn).get_columns("household_details")}
        assert "phone_key" not in columns
    engine.dispose()
