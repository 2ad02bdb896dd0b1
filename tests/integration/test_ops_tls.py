"""TLS as deployed, for real: deploy/make_secrets.py makes the local CA and the server
certificates; nats-server runs with deploy/nats/tls.conf (the fragment docker-compose.yml
and the cluster example include) and PostgreSQL with ssl on. A client verifying with the
CA connects; a client without TLS, or trusting another CA, is refused."""

from __future__ import annotations

import asyncio
import json
import os
import re
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
import yaml

from support.nats_server import find_nats_server
from support.ports import free_port
from support.postgres import PostgresCluster, ServerTls, make_traversable, server_tmp_dir
from support.system import wait_until

ROOT = Path(__file__).resolve().parents[2]


def for_this_nats_server(conf: str) -> str:
    """Debian's nats-server 2.9 does not know sync_interval (see deploy/nats/nats.conf)."""
    version = subprocess.run([find_nats_server(), "--version"], capture_output=True, text=True)
    if tuple(map(int, re.findall(r"v(\d+)\.(\d+)", version.stdout)[0])) < (2, 10):
        return re.sub(r"^\s*sync_interval:.*$", "", conf, flags=re.M)
    return conf


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


# ------------------------------------------- a service wired exactly as compose wires it


def compose_environment(
    service: str, secrets: Path, nats_port: int, pg_port: int
) -> dict[str, str]:
    """The service's environment from docker-compose.yml, with /run/secrets/<name> the
    file compose would mount there and the hosts `nats`, `postgres` on this machine
    (`localhost`: the certificates name it too)."""
    document = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    mounts = {
        f"/run/secrets/{name}": str(secrets / Path(spec["file"]).relative_to("deploy/secrets"))
        for name, spec in document["secrets"].items()
    }
    env: dict[str, str] = {}
    for key, value in document["services"][service]["environment"].items():
        text = str(value)
        for mount, path in mounts.items():
            text = text.replace(mount, path)
        text = text.replace("nats:4222", f"localhost:{nats_port}")
        text = text.replace("postgres:5432", f"localhost:{pg_port}")
        env[key] = text
    return env


def run_as_compose_does(service: str, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """The image's entrypoint with the service's command, as its container runs it."""
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    with log.open("wb") as out:
        return subprocess.Popen(
            [
                "sh",
                str(ROOT / "deploy" / "docker-entrypoint.sh"),
                *compose["services"][service]["command"],
            ],
            cwd=ROOT,
            env={"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", **env},
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def start_nats_as_in_compose(
    work: Path, secrets: Path, port: int, monitor: int
) -> subprocess.Popen[bytes]:
    """Compose's nats.conf with tls.conf and the generated auth.conf beside it."""
    conf_dir = work / "nats"
    conf_dir.mkdir()
    conf = (ROOT / "deploy" / "nats" / "nats.conf").read_text()
    (conf_dir / "nats.conf").write_text(for_this_nats_server(conf))
    (conf_dir / "tls.conf").symlink_to(ROOT / "deploy" / "nats" / "tls.conf")
    (conf_dir / "auth.conf").symlink_to(secrets / "nats" / "auth.conf")
    # Compose's command, on this machine's ports.
    command = [find_nats_server(), "-c", str(conf_dir / "nats.conf"), "-js"]
    command += ["-sd", str(work / "store"), "-a", "127.0.0.1", "-p", str(port), "-m", str(monitor)]
    env = {
        **os.environ,
        "AUSZUG_NATS_TLS_CERT": str(secrets / "tls" / "nats.pem"),
        "AUSZUG_NATS_TLS_KEY": str(secrets / "tls" / "nats.key"),
    }
    with (conf_dir / "log").open("wb") as log:
        return subprocess.Popen(command, stdout=log, stderr=log, env=env)


def ready(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def test_a_service_configured_as_in_compose_reaches_nats_and_postgres_with_its_own_secrets(
    tmp_path: Path,
) -> None:
    """provision and intake with compose's environment and secrets, through the image's
    entrypoint, against NATS and PostgreSQL configured as in compose: intake gets ready."""
    with server_tmp_dir("auszug-compose-") as scratch:
        secrets = scratch / "secrets"
        subprocess.run(
            [sys.executable, "deploy/make_secrets.py", str(secrets)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        make_traversable(secrets / "postgres")
        nats_port, monitor, http_port = free_port(), free_port(), free_port()
        processes = [start_nats_as_in_compose(tmp_path, secrets, nats_port, monitor)]
        pg = PostgresCluster(
            scratch / "pg",
            tls=ServerTls(secrets / "tls" / "postgres.pem", secrets / "tls" / "postgres.key"),
            hba_file=ROOT / "deploy" / "postgres" / "pg_hba.conf",
        )
        try:
            wait_until(partial(healthy, monitor), timeout=20, what="nats-server as in compose")
            # Without credentials nobody gets in, TLS or not.
            anonymous = round_trip(
                f"tls://127.0.0.1:{nats_port}", client_context(secrets / "tls" / "ca.pem")
            )
            with pytest.raises(Exception, match=r"(?i)authorization"):
                asyncio.run(anonymous)

            pg.start()
            pg.psql_file(
                ROOT / "deploy" / "postgres" / "init.sql",
                env=compose_environment("postgres", secrets, nats_port, pg.port),
            )
            provision = run_as_compose_does(
                "provision",
                compose_environment("provision", secrets, nats_port, pg.port),
                tmp_path / "provision.log",
            )
            assert provision.wait(timeout=60) == 0, (tmp_path / "provision.log").read_text()

            intake_env = compose_environment("intake", secrets, nats_port, pg.port)
            intake_env.update(
                AUSZUG_INTAKE_HTTP_HOST="127.0.0.1", AUSZUG_INTAKE_HTTP_PORT=str(http_port)
            )
            processes.append(run_as_compose_does("intake", intake_env, tmp_path / "intake.log"))
            try:
                wait_until(partial(ready, http_port), timeout=60, what="intake ready")
            except AssertionError as failed:
                raise AssertionError((tmp_path / "intake.log").read_text()[-4000:]) from failed
        finally:
            for process in reversed(processes):
                process.terminate()
                process.wait(timeout=15)
            pg.stop()
