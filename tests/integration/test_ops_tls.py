"""TLS as deployed, for real: deploy/make_secrets.py makes the local CA and the server
certificates; nats-server runs with deploy/nats/tls.conf (the fragment docker-compose.yml
and the cluster example include) and PostgreSQL with ssl on. A client verifying with the
CA connects; a client without TLS, or trusting another CA, is refused."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import ssl
import subprocess
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import httpx
import nats
import psycopg
import pytest

from support.nats_server import find_nats_server
from support.ports import free_port
from support.postgres import PostgresCluster, ServerTls, server_tmp_dir
from support.system import wait_until

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


def make_tls(out: Path) -> Path:
    subprocess.run(
        [sys.executable, "deploy/make_secrets.py", str(out), "--part", "tls"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return out / "tls"


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    with server_tmp_dir("auszug-tls-") as path:
        yield path


@pytest.fixture(scope="module")
def tls(scratch: Path) -> Path:
    return make_tls(scratch / "secrets")


@pytest.fixture(scope="module")
def foreign_ca(scratch: Path) -> Path:
    """Another installation's CA: its certificates must not be trusted for ours."""
    return make_tls(scratch / "elsewhere") / "ca.pem"


# ------------------------------------------------------------------------------ NATS


@pytest.fixture(scope="module")
def nats_tls_port(scratch: Path, tls: Path) -> Iterator[int]:
    conf_dir = scratch / "nats"
    conf_dir.mkdir()
    # The very fragment compose and the cluster include, next to the including file.
    (conf_dir / "tls.conf").symlink_to(ROOT / "deploy" / "nats" / "tls.conf")
    port, monitor = free_port(), free_port()
    (conf_dir / "nats.conf").write_text(
        f"listen: 127.0.0.1:{port}\nhttp: 127.0.0.1:{monitor}\ninclude tls.conf\n"
    )
    env = {
        **os.environ,
        "AUSZUG_NATS_TLS_CERT": str(tls / "nats.pem"),
        "AUSZUG_NATS_TLS_KEY": str(tls / "nats.key"),
    }
    with (conf_dir / "log").open("wb") as log:
        server = subprocess.Popen(
            [find_nats_server(), "-c", str(conf_dir / "nats.conf")],
            stdout=log,
            stderr=log,
            env=env,
        )
        try:
            wait_until(partial(healthy, monitor), timeout=20, what="nats-server with TLS")
            yield port
        finally:
            server.terminate()
            server.wait(timeout=15)


def healthy(monitor: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{monitor}/healthz", timeout=1).status_code == 200
    except httpx.TransportError:
        return False


def client_context(ca: Path) -> ssl.SSLContext:
    """What a process does with AUSZUG_NATS_TLS_CA_FILE: trust this CA, check the name."""
    return ssl.create_default_context(cafile=str(ca))


async def round_trip(url: str, context: ssl.SSLContext | None) -> bytes:
    nc = await nats.connect(
        url, tls=context, connect_timeout=3, max_reconnect_attempts=0, allow_reconnect=False
    )
    try:
        sub = await nc.subscribe("tls.check")
        await nc.publish("tls.check", b"encrypted")
        message = await sub.next_msg(timeout=3)
        return message.data
    finally:
        await nc.close()


def test_a_nats_client_verifying_with_the_local_ca_connects(tls: Path, nats_tls_port: int) -> None:
    url = f"tls://127.0.0.1:{nats_tls_port}"
    assert asyncio.run(round_trip(url, client_context(tls / "ca.pem"))) == b"encrypted"


def test_nats_refuses_a_client_without_tls(nats_tls_port: int) -> None:
    with socket.create_connection(("127.0.0.1", nats_tls_port), timeout=5) as plain:
        stream = plain.makefile("rb")
        info = json.loads(stream.readline().removeprefix(b"INFO "))
        assert info["tls_required"] is True
        # Speaking the protocol in clear anyway: no PONG, the server drops the connection.
        plain.sendall(b'CONNECT {"verbose":false,"pedantic":false}\r\nPING\r\n')
        answer = b""
        try:
            while line := stream.readline():
                answer += line
        except (ConnectionResetError, TimeoutError):
            pass
    assert b"PONG" not in answer


def test_nats_is_not_trusted_with_another_ca(foreign_ca: Path, nats_tls_port: int) -> None:
    url = f"tls://127.0.0.1:{nats_tls_port}"
    with pytest.raises((ssl.SSLError, OSError, nats.errors.NoServersError)):
        asyncio.run(round_trip(url, client_context(foreign_ca)))


# ------------------------------------------------------------------------ PostgreSQL


@pytest.fixture(scope="module")
def pg_tls(scratch: Path, tls: Path) -> Iterator[PostgresCluster]:
    with PostgresCluster(
        scratch / "pg", tls=ServerTls(tls / "postgres.pem", tls / "postgres.key")
    ) as cluster:
        yield cluster


def verify_full(cluster: PostgresCluster, ca: Path) -> str:
    """As the services' URLs in docker-compose.yml: sslmode=verify-full&sslrootcert=CA."""
    return psycopg.conninfo.make_conninfo(
        host="localhost",
        port=cluster.port,
        user="postgres",
        dbname="postgres",
        sslmode="verify-full",
        sslrootcert=str(ca),
        connect_timeout=10,
    )


def test_postgres_with_verify_full_and_the_local_ca_connects_encrypted(
    tls: Path, pg_tls: PostgresCluster
) -> None:
    with psycopg.connect(verify_full(pg_tls, tls / "ca.pem")) as conn:
        row = conn.execute(
            "SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
        ).fetchone()
    assert row is not None and row[0] is True and row[1].startswith("TLSv1.")


def test_postgres_is_not_trusted_with_another_ca(foreign_ca: Path, pg_tls: PostgresCluster) -> None:
    with pytest.raises(psycopg.OperationalError, match="certificate verify failed"):
        psycopg.connect(verify_full(pg_tls, foreign_ca))
