"""The test harness itself: real nats-server and PostgreSQL come up, keep data, go down.

The tests are sync on purpose: the harness is sync, and each nats-py scenario gets its
own short-lived event loop via asyncio.run.
"""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

import nats
import psycopg
import pytest
import sqlalchemy as sa
from nats.aio.client import Client as NatsClient
from nats.js.errors import NotFoundError

from .nats_server import NatsServer
from .ports import free_port
from .postgres import PostgresCluster

STREAM = "SUPPORT"


async def _connect(url: str, reconnected: asyncio.Event | None = None) -> NatsClient:
    async def on_reconnect() -> None:
        if reconnected is not None:
            reconnected.set()

    # Short reconnect wait: the default 2 s would dominate the restart test's runtime.
    return await nats.connect(
        url,
        reconnect_time_wait=0.1,
        max_reconnect_attempts=-1,
        connect_timeout=2,
        reconnected_cb=on_reconnect,
    )


def test_free_port_is_bindable() -> None:
    port = free_port()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))


def test_nats_jetstream_survives_restart(tmp_path: Path) -> None:
    async def scenario(server: NatsServer) -> None:
        reconnected = asyncio.Event()
        nc = await _connect(server.url, reconnected)
        try:
            js = nc.jetstream()
            await js.add_stream(name=STREAM, subjects=["support.>"])
            ack = await js.publish("support.hello", b"hallo")
            assert ack.stream == STREAM
            assert ack.seq == 1

            pid_before, port_before = server.pid, server.port
            # Restart blocks; off the loop so the client can notice the drop and reconnect.
            await asyncio.to_thread(server.restart)
            assert server.port == port_before
            assert server.pid != pid_before

            # The connection opened before the restart comes back by itself ...
            async with asyncio.timeout(10):
                await reconnected.wait()
            info = await js.stream_info(STREAM)
            assert info.state.messages == 1
            msg = await js.get_msg(STREAM, 1)
            assert msg.data == b"hallo"
            assert (await js.publish("support.again", b"2")).seq == 2
        finally:
            await nc.close()

        # ... and a brand-new client finds the same address and data.
        nc2 = await _connect(server.url)
        try:
            info = await nc2.jetstream().stream_info(STREAM)
            assert info.state.messages == 2
        finally:
            await nc2.close()

    with NatsServer(tmp_path / "nats", secured=False) as server:
        assert server.url == f"nats://127.0.0.1:{server.port}"
        asyncio.run(scenario(server))
    assert not server.running
    assert server.log_path.parent == tmp_path
    assert "Server is ready" in server.log_path.read_text()


def test_nats_recovers_after_kill(tmp_path: Path) -> None:
    async def create_stream(url: str) -> None:
        nc = await _connect(url)
        try:
            await nc.jetstream().add_stream(name=STREAM, subjects=["support.>"])
        finally:
            await nc.close()

    async def stream_exists(url: str) -> bool:
        nc = await _connect(url)
        try:
            await nc.jetstream().stream_info(STREAM)
            return True
        except NotFoundError:
            return False
        finally:
            await nc.close()

    server = NatsServer(tmp_path / "nats", secured=False)
    server.start()
    try:
        asyncio.run(create_stream(server.url))
        server.kill()
        assert not server.running
        server.start()
        assert asyncio.run(stream_exists(server.url))
    finally:
        server.stop()


def test_nats_start_failure_shows_log(tmp_path: Path) -> None:
    with NatsServer(tmp_path / "first", secured=False) as first:
        clash = NatsServer(tmp_path / "second", port=first.port, secured=False)
        with pytest.raises(RuntimeError, match=r"exited with code .*log tail"):
            clash.start()
        assert not clash.running


def test_postgres_cluster_lifecycle(tmp_path: Path) -> None:
    with PostgresCluster(tmp_path / "pg") as pg:
        url = pg.create_database("auszug_test")
        assert url == f"postgresql+psycopg://postgres@127.0.0.1:{pg.port}/auszug_test"
        assert pg.url("auszug_test") == url

        with psycopg.connect(pg.conninfo("auszug_test")) as conn:
            assert conn.execute("select 1").fetchone() == (1,)
            conn.execute("create table leftover (id int)")
            conn.commit()

        # The returned URL must work as-is for the services' SQLAlchemy engines.
        engine = sa.create_engine(url)
        try:
            with engine.connect() as sa_conn:
                assert sa_conn.execute(sa.text("select 1")).scalar_one() == 1
        finally:
            engine.dispose()

        # A connection a previous test leaked must not block re-creating the database.
        leaked = psycopg.connect(pg.conninfo("auszug_test"))
        try:
            pg.create_database("auszug_test")
        finally:
            leaked.close()

        with psycopg.connect(pg.conninfo("auszug_test")) as conn:
            row = conn.execute("select to_regclass('leftover')").fetchone()
            assert row == (None,), "create_database must start from an empty database"

    assert not (pg.data_dir / "postmaster.pid").exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(pg.conninfo(), connect_timeout=2)
