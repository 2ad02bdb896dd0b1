"""Stage 2: append → outbox relay → JetStream → EventConsumer → figures projection.

The intake side (event store + relay) runs in this process; the reporting side runs in
a `bench.worker` child process, as the two services do. The clock runs from the first
append to the commit of the last fact row (reported by the worker).
"""

from __future__ import annotations

import asyncio
import json
import time
import urllib.request
from pathlib import Path
from typing import Any

import nats
from nats.aio.client import Client

from bench.common import (
    EVENTS,
    INTAKE_MIGRATIONS,
    chunks,
    command_context,
    household_events,
    migrate,
    purge_events,
    stream_id,
    stream_messages,
    wait_until,
)
from bench.proc import Worker
from shared.contracts import CONTRACTS
from shared.db import Database
from shared.eventstore.store import EventStore
from shared.relay import OutboxRelay


async def run_once(
    nc: Client,
    nats_url: str,
    monitor_url: str,
    workdir: Path,
    *,
    per_transaction: int,
    tag: str,
    events: int = EVENTS,
    one_call: bool = False,
) -> dict[str, Any]:
    js = nc.jetstream()
    await purge_events(js)
    run_dir = workdir / tag
    run_dir.mkdir(parents=True)
    db = Database(migrate(INTAKE_MIGRATIONS, run_dir / "intake.db"))
    store = EventStore(CONTRACTS)
    # The intake side's own connection, and exactly what ServiceHost wires: a fresh
    # JetStream context per relay round.
    relay_nc = await nats.connect(nats_url, name=f"bench-relay-{tag}")
    relay = OutboxRelay(db, lambda: relay_nc.jetstream())
    worker = Worker(
        [
            "--nats",
            nats_url,
            "--db",
            str(run_dir / "reporting.db"),
            "--durable",
            f"bench-{tag}",
            "--expect",
            str(events),
            "--mode",
            "service",
        ],
        run_dir / "worker.log",
    )
    prepared = household_events(events)
    try:
        async with worker:
            await relay.start()
            started = time.time()
            for chunk in chunks(prepared, per_transaction):
                async with db.transaction() as conn:
                    if one_call:
                        # One append() of the whole chunk: the store's multi-row INSERTs.
                        await store.append(
                            conn,
                            stream_id=stream_id(chunk[0]),
                            expected_version=0,
                            new_events=chunk,
                            context=command_context(),
                            provider=chunk[0].provider,
                        )
                        chunk = []
                    for event in chunk:
                        # Every household is its own stream, at version 0, as a new registration.
                        await store.append(
                            conn,
                            stream_id=stream_id(event),
                            expected_version=0,
                            new_events=[event],
                            context=command_context(),
                            provider=event.provider,
                        )
                relay.notify()
            appended = time.time()

            async def relayed_all() -> bool:
                return await stream_messages(js) >= events

            relayed = await wait_until(relayed_all, within=240)
            result = await worker.result()
        leaked = len(relay_nc._subs)
        server_subs = await asyncio.to_thread(server_subscriptions, monitor_url, relay_nc)
    finally:
        await relay.stop()
        await relay_nc.drain()
        await db.dispose()
    done = float(result["done"])
    return {
        "rate": events / (done - started),
        "append_rate": events / (appended - started),
        "relay_lag_s": relayed - appended,
        "consumer_lag_s": done - relayed,
        "total_s": done - started,
        "consumer_batches": result["batches"],
        # The relay itself subscribes to nothing: every one of these is a leftover.
        "relay_subscriptions_client": leaked,
        "relay_subscriptions_server": server_subs,
    }


def server_subscriptions(monitor_url: str, nc: Client) -> int | None:
    """How many subscriptions nats-server holds for `nc`'s connection (monitor `/connz`)."""
    client_id = nc._server_info.get("client_id")
    url = f"{monitor_url}/connz?cid={client_id}&subs=1"
    with urllib.request.urlopen(url, timeout=5) as response:
        connections = json.loads(response.read()).get("connections", [])
    return int(connections[0]["subscriptions"]) if connections else None


async def append_only(workdir: Path, *, events: int, mode: str) -> float:
    """Appends with nothing else running (no relay, no consumer); events/s.

    `appends`: 100 households per transaction, one `append()` each (as in stage 2b);
    `one_call`: one `append()` of 100 events per transaction, which the store writes
    with one multi-row INSERT per table. The gap is the per-call cost.
    """
    db = Database(migrate(INTAKE_MIGRATIONS, workdir / "intake.db"))
    store = EventStore(CONTRACTS)
    prepared = household_events(events)
    try:
        started = time.perf_counter()
        for chunk in chunks(prepared, 100):
            async with db.transaction() as conn:
                if mode == "one_call":
                    await store.append(
                        conn,
                        stream_id=stream_id(chunk[0]),
                        expected_version=0,
                        new_events=chunk,
                        context=command_context(),
                        provider=chunk[0].provider,
                    )
                    continue
                for event in chunk:
                    await store.append(
                        conn,
                        stream_id=stream_id(event),
                        expected_version=0,
                        new_events=[event],
                        context=command_context(),
                        provider=event.provider,
                    )
        return events / (time.perf_counter() - started)
    finally:
        await db.dispose()


async def relay_only(nats_url: str, js_purge: Client, workdir: Path, *, events: int) -> float:
    """The relay alone draining `events` outbox rows to an empty stream; events/s.

    The outbox is filled first (one `append()` of 100 events per transaction), then
    `publish_round()` runs back to back, as `OutboxRelay._run` does while there is a
    backlog, until the outbox is empty.
    """
    await purge_events(js_purge.jetstream())
    db = Database(migrate(INTAKE_MIGRATIONS, workdir / "intake.db"))
    store = EventStore(CONTRACTS)
    relay_nc = await nats.connect(nats_url, name="bench-relay-only")
    relay = OutboxRelay(db, lambda: relay_nc.jetstream())
    try:
        for chunk in chunks(household_events(events), 100):
            async with db.transaction() as conn:
                await store.append(
                    conn,
                    stream_id=stream_id(chunk[0]),
                    expected_version=0,
                    new_events=chunk,
                    context=command_context(),
                    provider=chunk[0].provider,
                )
        started = time.perf_counter()
        published = 0
        while published < events:
            published += await relay.publish_round()
        return published / (time.perf_counter() - started)
    finally:
        await relay_nc.drain()
        await db.dispose()
