"""Alembic, one history per service, run on start-up and from the command line.

Each service keeps its history in `services/<name>/adapters/migrations/`, whose
`env.py` only calls `run_migrations()` below.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command, context
from alembic.config import Config
from sqlalchemy import create_engine, pool

from shared.db import sync_url


def alembic_config(script_location: Path, database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(script_location))
    config.set_main_option("sqlalchemy.url", sync_url(database_url).replace("%", "%%"))
    return config


def upgrade(script_location: Path, database_url: str) -> None:
    """Bring the service's database to the newest revision (idempotent)."""
    command.upgrade(alembic_config(script_location, database_url), "head")


def run_migrations() -> None:
    """The body of every service's `env.py` (online mode only)."""
    url = context.config.get_main_option("sqlalchemy.url")
    assert url is not None
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(
            connection=connection, render_as_batch=connection.dialect.name == "sqlite"
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()
