"""Stage 3: replay a stream of 20,000 events into an empty reporting database.

Every variant runs in a fresh `bench.worker` process on a fresh SQLite file; the clock
starts when the worker is told to go (consumer creation included) and stops at the
commit of the last fact row.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

from nats.aio.client import Client
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy

from bench.common import EVENTS, SUBJECT, chunks, envelope_bodies, purge_events, stream_messages
from bench.proc import Worker
from shared.catchup import BatchPuller
from shared.consumer import ALL_EVENTS
from shared.messaging import EVENTS_STREAM

# name -> (description, worker arguments); see bench/worker.py and bench/fast_rebuild.py.
# The ablation goes step by step from the first official variant to the second.
Variant = tuple[str, list[str]]
OFFICIAL: dict[str, Variant] = {
    "consumer": ("EventConsumer as is", ["--mode", "service", "--batch", "256"]),
    "fast": (
        "prototype: bulk pull 1000, write overlapped",
        ["--mode", "fast", "--batch", "1000", "--transport", "bulk", "--overlap"],
    ),
}
ABLATION: dict[str, Variant] = {
    "consumer_batch1000": (
        "EventConsumer, batch_size=1000 (config only)",
        ["--mode", "service", "--batch", "1000"],
    ),
    "fast_fetch_serial": (
        "+ ephemeral, AckPolicy.NONE, in-memory dedup; nats-py fetch(1000)",
        ["--mode", "fast", "--batch", "1000", "--transport", "fetch", "--no-overlap"],
    ),
    "fast_bulk_serial": (
        "+ bulk pull instead of nats-py fetch",
        ["--mode", "fast", "--batch", "1000", "--transport", "bulk", "--no-overlap"],
    ),
    "fast_batch256": (
        "prototype with batches of 256",
        ["--mode", "fast", "--batch", "256", "--transport", "bulk", "--overlap"],
    ),
}


async def fill_stream(nc: Client, events: int = EVENTS) -> None:
    """A purged stream holding exactly `events` envelope bodies, as the relay publishes them."""
    js = nc.jetstream()
    await purge_events(js)
    for chunk in chunks(envelope_bodies(events), 1000):
        futures = [
            await js.publish_async(SUBJECT, body, headers={"Nats-Msg-Id": str(event_id)})
            for event_id, body in chunk
        ]
        await asyncio.gather(*futures)
    assert await stream_messages(js) == events


async def raw_pull(nc: Client, batch: int = 1000, events: int = EVENTS) -> float:
    """The transport's ceiling: nats-py `fetch(batch)` of the whole stream, no ack, no work."""
    js = nc.jetstream()
    sub = await js.pull_subscribe(
        ALL_EVENTS,
        stream=EVENTS_STREAM,
        config=ConsumerConfig(
            deliver_policy=DeliverPolicy.ALL,
            ack_policy=AckPolicy.NONE,
            inactive_threshold=30.0,
            mem_storage=True,
        ),
    )
    started = time.perf_counter()
    received = 0
    while received < events:
        received += len(await sub.fetch(batch, timeout=5.0))
    rate = received / (time.perf_counter() - started)
    await sub.unsubscribe()
    return rate


async def raw_bulk_pull(nc: Client, batch: int = 1000, events: int = EVENTS) -> float:
    """Like `raw_pull`, but one pull request per batch collected by a callback (`BatchPuller`)."""
    js = nc.jetstream()
    info = await js.add_consumer(
        EVENTS_STREAM,
        config=ConsumerConfig(
            deliver_policy=DeliverPolicy.ALL,
            ack_policy=AckPolicy.NONE,
            filter_subject=ALL_EVENTS,
            inactive_threshold=30.0,
            mem_storage=True,
        ),
    )
    puller = BatchPuller(nc, info.name, batch)
    await puller.start()
    started = time.perf_counter()
    received = 0
    while received < events:
        received += len(await puller.fetch(within=5.0))
    rate = received / (time.perf_counter() - started)
    await puller.stop()
    await js.delete_consumer(EVENTS_STREAM, info.name)
    return rate


async def run_once(
    nats_url: str, workdir: Path, *, variant: list[str], tag: str, events: int = EVENTS
) -> dict[str, Any]:
    run_dir = workdir / tag
    run_dir.mkdir(parents=True)
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
            *variant,
            "--wait-go",
        ],
        run_dir / "worker.log",
    )
    async with worker:
        await worker.go()
        result = await worker.result()
    seconds = float(result["done"]) - float(result["started"])
    return {"rate": events / seconds, "seconds": seconds, **result}
