"""Scale-out as deploy/README.md describes it: replicas of a consuming service share its
durable consumer (each event goes to one of them, none is applied twice), and the
example NATS cluster of three keeps a stream with 3 replicas writable when one fails."""

from __future__ import annotations

import asyncio
import os
import re
import ssl
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

import httpx
import nats
from nats.aio.client import Client as NATS

from shared.messaging import EVENTS_STREAM, events_stream
from support.nats_server import find_nats_server
from support.ports import free_port
from support.system import ROOT, ServiceProcess, System, household, wait_until

APPLIED = 'auszug_events_consumed_total{consumer="reporting-figures",outcome="applied"}'


def test_two_replicas_of_reporting_share_its_consumer_and_apply_each_event_once(
    system: System, tmp_path: Path
) -> None:
    # A second reporting process on the same database: what `--scale reporting=2` runs.
    (tmp_path / "replica").mkdir()
    replica = ServiceProcess("reporting", system["reporting"].env, tmp_path / "replica")
    replica.start()
    try:
        n = 150
        with ThreadPoolExecutor(6) as pool:
            codes = list(
                pool.map(lambda i: system.register(household(minors=i % 3)).status_code, range(n))
            )
        assert codes == [201] * n
        figures = system.wait_for_households(2025, n)
        assert figures["persons_registered"] == n + sum(i % 3 for i in range(n))

        shares = [p.metrics().get(APPLIED, 0.0) for p in (system["reporting"], replica)]
        assert sum(shares) == n, shares  # each event applied by exactly one replica
        assert all(share > 0 for share in shares), f"one replica got nothing: {shares}"
        # Queries are shared as well (queue group): either replica answers the same.
        assert wait_until(lambda: system.figures(2025) == figures, what="same figures")
    finally:
        replica.stop()


def cluster_configs(tmp_path: Path) -> tuple[list[tuple[Path, int, int]], Path]:
    """deploy/nats/cluster/*.conf on loopback ports: (config, client port, monitor port),
    with auth.conf and certificates from deploy/make_secrets.py (their directory)."""
    secrets = tmp_path / "secrets"
    subprocess.run(
        [sys.executable, "deploy/make_secrets.py", str(secrets), "--part", "nats", "--part", "tls"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    source = ROOT / "deploy" / "nats" / "cluster"
    common = (source / "common.conf").read_text()
    version = subprocess.run([find_nats_server(), "--version"], capture_output=True, text=True)
    if tuple(map(int, re.findall(r"v(\d+)\.(\d+)", version.stdout)[0])) < (2, 10):
        common = re.sub(r"^\s*sync_interval:.*$", "", common, flags=re.M)  # see nats.conf
    routes = {i: free_port() for i in (1, 2, 3)}
    nodes = []
    for i in (1, 2, 3):
        client, monitor = free_port(), free_port()
        text = common.replace("0.0.0.0:4222", f"127.0.0.1:{client}")
        text = text.replace("127.0.0.1:8222", f"127.0.0.1:{monitor}")
        text = text.replace("0.0.0.0:6222", f"127.0.0.1:{routes[i]}")
        text = text.replace("/data/jetstream", str(tmp_path / f"store-{i}"))
        for j, port in routes.items():
            # The certificate names nats-1..3 and 127.0.0.1 (routes check it).
            text = text.replace(f"nats-{j}:6222", f"127.0.0.1:{port}")
        node = tmp_path / f"nats-{i}"
        node.mkdir()
        (node / "common.conf").write_text(text)
        (node / "nats.conf").write_text((source / f"nats-{i}.conf").read_text())
        (node / "tls.conf").symlink_to(source / "tls.conf")
        (node / "auth.conf").symlink_to(secrets / "nats" / "auth.conf")
        nodes.append((node / "nats.conf", client, monitor))
    return nodes, secrets


def server_env(secrets: Path) -> dict[str, str]:
    tls = secrets / "tls"
    return {
        **os.environ,
        "AUSZUG_NATS_TLS_CERT": str(tls / "nats.pem"),
        "AUSZUG_NATS_TLS_KEY": str(tls / "nats.key"),
        "AUSZUG_NATS_TLS_CA": str(tls / "ca.pem"),
    }


def test_the_example_nats_cluster_keeps_three_replicas_and_survives_one_server(
    tmp_path: Path,
) -> None:
    nodes, secrets = cluster_configs(tmp_path)
    logs = [(conf.parent / "log").open("wb") for conf, _, _ in nodes]
    servers = [
        subprocess.Popen(
            [find_nats_server(), "-c", str(conf)], stdout=log, stderr=log, env=server_env(secrets)
        )
        for (conf, _, _), log in zip(nodes, logs, strict=True)
    ]
    urls = [f"tls://127.0.0.1:{client}" for _, client, _ in nodes]
    try:
        for _, _, monitor in nodes:
            wait_until(partial(healthy, monitor), timeout=20, what=f"nats on :{monitor}")
        asyncio.run(exercise_cluster(urls, servers, secrets))
    finally:
        for server, log in zip(servers, logs, strict=True):
            server.terminate()
            server.wait(timeout=15)
            log.close()


async def connect_as(urls: list[str], secrets: Path, user: str) -> NATS:
    """With TLS checked against the local CA and the user's own password and inbox."""
    return await nats.connect(
        servers=urls,
        tls=ssl.create_default_context(cafile=str(secrets / "tls" / "ca.pem")),
        user=user,
        password=(secrets / "nats" / f"{user}.password").read_text().strip(),
        # Each principal may subscribe only to replies under its own prefix
        # (shared.nats_auth, shared.messaging.inbox_prefix).
        inbox_prefix=f"_INBOX_{user}",
    )


def healthy(monitor: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{monitor}/healthz", timeout=1).status_code == 200
    except httpx.TransportError:
        return False


async def exercise_cluster(
    urls: list[str], servers: list[subprocess.Popen[bytes]], secrets: Path
) -> None:
    config = events_stream()
    config.num_replicas = 3
    operator = await connect_as(urls, secrets, "operator")  # only it may create streams
    for _ in range(200):  # until the servers have elected a JetStream meta leader
        try:
            await operator.jetstream().add_stream(config)
            break
        except Exception:
            await asyncio.sleep(0.1)
    await operator.close()
    nc = await connect_as(urls, secrets, "intake")  # publishes intake's events
    js = nc.jetstream()
    info = await js.stream_info(EVENTS_STREAM)
    assert info.cluster is not None and len(info.cluster.replicas or []) == 2
    for i in range(10):
        await js.publish(
            "auszug.intake.HouseholdRegistered", b"{}", headers={"Nats-Msg-Id": f"a{i}"}
        )
    # The stream's leader fails: the other two elect a new one and go on.
    leader = servers[int(str(info.cluster.leader).removeprefix("nats-")) - 1]
    leader.terminate()
    leader.wait(timeout=15)
    for i in range(10):
        for _attempt in range(100):  # during the election, publishes time out
            try:
                await js.publish(
                    "auszug.intake.HouseholdRegistered", b"{}", headers={"Nats-Msg-Id": f"b{i}"}
                )
                break
            except Exception:
                await asyncio.sleep(0.1)
    assert (await js.stream_info(EVENTS_STREAM)).state.messages == 20
    await nc.close()
