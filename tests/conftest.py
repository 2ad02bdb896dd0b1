"""Every test's kind by its directory, and the fixtures for tests that cross process
boundaries: nats-server, PostgreSQL, the system.

`unit` (tests/unit), `integration` (tests/integration, and the harness's own tests in
tests/support) and `e2e` (tests/e2e) are marked here and nowhere else; `scripts/test -m unit`
runs the fast part. Integration tests run on SQLite and on PostgreSQL (`backend` parameter).
PostgreSQL is a throwaway cluster started once per session, only when a test asks for it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.layout import KIND_OF_DIRECTORY, TESTS, kind_of
from support.nats_server import NatsServer
from support.postgres import PostgresCluster, server_tmp_dir
from support.system import DATABASE_SERVICES, System

_database_names = itertools.count()


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """`-m unit` does not even import the other kinds' modules (browser, harness)."""
    if config.option.markexpr != "unit" or collection_path.resolve() == TESTS:
        return None
    if not collection_path.resolve().is_relative_to(TESTS):
        return None
    directory = collection_path.resolve().relative_to(TESTS).parts[0]
    if KIND_OF_DIRECTORY.get(directory, "unit") != "unit":
        return True
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(kind_of(item.path))


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PostgresCluster]:
    # Not under pytest's basetemp: another pytest session on the machine prunes old
    # basetemps and takes "others" off them, which killed this cluster mid-run.
    with server_tmp_dir("auszug-pg-") as directory, PostgresCluster(directory) as cluster:
        yield cluster


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def database_urls(request: pytest.FixtureRequest, backend: str) -> dict[str, str]:
    """Per-service database URLs of one test (empty: SQLite files under the test's var/)."""
    if backend == "sqlite":
        return {}
    cluster: PostgresCluster = request.getfixturevalue("pg_cluster")
    n = next(_database_names)
    return {s: cluster.create_database(f"{s}_{n}") for s in DATABASE_SERVICES}


@pytest.fixture
def nats_server(tmp_path: Path) -> Iterator[NatsServer]:
    with NatsServer(tmp_path / "nats") as server:
        yield server


@pytest.fixture
def system(
    tmp_path: Path, nats_server: NatsServer, database_urls: dict[str, str]
) -> Iterator[System]:
    system = System(tmp_path, nats_server, database_urls)
    try:
        system.start()
        yield system
    finally:
        system.stop()
