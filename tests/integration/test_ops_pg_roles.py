"""Per-service PostgreSQL roles as docker-compose.yml deploys them: deploy/postgres/init.sql
and pg_hba.conf on a throwaway cluster with TLS, passwords from deploy/make_secrets.py.
A service's role reaches its own database only (over TLS, with its password) and runs
its migrations there; another service's database is closed to it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from shared.migrations import upgrade
from support.postgres import PostgresCluster, ServerTls, make_traversable, server_tmp_dir

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ("intake", "placement", "volunteer", "prevention", "reporting")


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    with server_tmp_dir("auszug-pg-roles-") as path:
        yield path


@pytest.fixture(scope="module")
def secrets_dir(scratch: Path) -> Path:
    out = scratch / "secrets"
    subprocess.run(
        [sys.executable, "deploy/make_secrets.py", str(out), "--part", "tls", "--part", "postgres"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    # psql runs as the postgres user, like the image's initialisation: it reads the
    # password files (0644) and must pass through the directories (0700) to them.
    make_traversable(out / "postgres")
    return out


@pytest.fixture(scope="module")
def cluster(scratch: Path, secrets_dir: Path) -> Iterator[PostgresCluster]:
    tls = ServerTls(secrets_dir / "tls" / "postgres.pem", secrets_dir / "tls" / "postgres.key")
    with PostgresCluster(
        scratch / "pg",
        tls=tls,
        hba_file=ROOT / "deploy" / "postgres" / "pg_hba.conf",
    ) as cluster:
        cluster.psql_file(
            ROOT / "deploy" / "postgres" / "init.sql",
            env={
                f"{s.upper()}_DB_PASSWORD_FILE": str(secrets_dir / "postgres" / f"{s}.password")
                for s in SERVICES
            },
        )
        yield cluster


def password(secrets_dir: Path, role: str) -> str:
    return (secrets_dir / "postgres" / f"{role}.password").read_text().strip()


def conninfo(cluster: PostgresCluster, secrets_dir: Path, role: str, database: str) -> str:
    """As docker-compose.yml's URLs say: the role, TLS checked against the local CA."""
    return psycopg.conninfo.make_conninfo(
        host="localhost",
        port=cluster.port,
        user=role,
        dbname=database,
        password=password(secrets_dir, role),
        sslmode="verify-full",
        sslrootcert=str(secrets_dir / "tls" / "ca.pem"),
        connect_timeout=10,
    )


def superuser(cluster: PostgresCluster) -> psycopg.Connection[tuple[object, ...]]:
    return psycopg.connect(
        host=str(cluster.socket_dir), port=cluster.port, user="postgres", dbname="postgres"
    )


def test_a_service_role_connects_to_its_own_database_over_tls_and_migrates_it(
    cluster: PostgresCluster, secrets_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The URL exactly as docker-compose.yml gives it (no password in it); the password
    # from the environment, where the image's entrypoint puts it (PGPASSWORD__FILE).
    url = (
        f"postgresql+psycopg://intake@localhost:{cluster.port}/intake"
        f"?sslmode=verify-full&sslrootcert={secrets_dir / 'tls' / 'ca.pem'}"
    )
    monkeypatch.setenv("PGPASSWORD", password(secrets_dir, "intake"))
    upgrade(ROOT / "services" / "intake" / "adapters" / "migrations", url)

    with psycopg.connect(conninfo(cluster, secrets_dir, "intake", "intake")) as conn:
        tables = conn.execute(
            "SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'public'"
        ).fetchall()
        ssl = conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()
    assert ("alembic_version", "intake") in tables
    assert len(tables) > 3 and {owner for _, owner in tables} == {"intake"}
    assert ssl == (True,)


@pytest.mark.parametrize("other", [s for s in SERVICES if s != "intake"])
def test_a_service_role_cannot_enter_another_services_database(
    cluster: PostgresCluster, secrets_dir: Path, other: str
) -> None:
    with pytest.raises(psycopg.OperationalError, match=r"no pg_hba\.conf entry"):
        psycopg.connect(conninfo(cluster, secrets_dir, "intake", other))
    # The second lock, which holds even with a laxer pg_hba.conf: no CONNECT right.
    with superuser(cluster) as conn:
        rights = conn.execute(
            "SELECT has_database_privilege(%s, %s, 'CONNECT'),"
            " has_database_privilege(%s, %s, 'TEMPORARY'),"
            " has_database_privilege(%s, %s, 'CONNECT')",
            ("intake", other, "intake", other, other, other),
        ).fetchone()
    assert rights == (False, False, True)


def test_no_way_in_without_tls_without_the_password_or_as_superuser_over_the_network(
    cluster: PostgresCluster, secrets_dir: Path
) -> None:
    own = conninfo(cluster, secrets_dir, "intake", "intake")
    plain = psycopg.conninfo.make_conninfo(own, sslmode="disable")
    with pytest.raises(psycopg.OperationalError, match=r"no pg_hba\.conf entry"):
        psycopg.connect(plain)
    wrong = psycopg.conninfo.make_conninfo(own, password=password(secrets_dir, "placement"))
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(wrong)
    admin = psycopg.conninfo.make_conninfo(
        own, user="postgres", dbname="postgres", password=password(secrets_dir, "superuser")
    )
    with pytest.raises(psycopg.OperationalError, match=r"pg_hba\.conf rejects connection"):
        psycopg.connect(admin)
    # Passwords are stored as SCRAM verifiers, never in clear or md5.
    with superuser(cluster) as conn:
        stored = conn.execute(
            "SELECT rolname, left(rolpassword, 14) FROM pg_authid WHERE rolname = ANY(%s)",
            (list(SERVICES),),
        ).fetchall()
    assert sorted(stored) == sorted((s, "SCRAM-SHA-256$") for s in SERVICES)
