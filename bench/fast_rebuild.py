"""A prototype of a faster read-model rebuild (stage 3), for moving into `shared/` later.

What it does differently from replaying through the live `EventConsumer`:

* an **ephemeral** pull consumer with `AckPolicy.NONE`: no ack per message, no
  `max_ack_pending` window (the durable's is `4 * batch_size`), nothing left behind;
* batches of 1,000 pulled with **one pull request each, collected by a subscription
  callback** (`BatchPuller`), instead of nats-py's `fetch`, which awaits every single
  message through `next_msg` (a new task, an `asyncio.wait_for` and a `uuid4` per
  message): compare figures 1c and 1d of the benchmark;
* duplicates (a republished event) are dropped with an **in-memory set** instead of a
  `SELECT ... IN` per batch: a rebuild starts from an empty read model, so the set
  is complete;
* one SQL transaction per 1,000 events, written with the real projection, and the
  transaction of batch *n* runs while batch *n + 1* is fetched and decoded;
* at the end the durable consumer is (re)created to start right after the last
  applied stream sequence, so the live consumer takes over without a second replay.
  The `processed_events` rows are still written, so an event that arrives twice
  across the hand-over is still dropped by the live consumer.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal
from uuid import UUID

from nats.aio.client import Client
from nats.aio.msg import Msg
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy
from sqlalchemy import func, insert, select

from shared.catchup import BatchPuller
from shared.clock import utcnow
from shared.consumer import ALL_EVENTS, EventConsumer, Projection
from shared.contracts.registry import EventRegistry
from shared.db import Database
from shared.envelope import Envelope
from shared.eventstore.schema import processed_events
from shared.eventstore.store import RecordedEvent
from shared.messaging import EVENTS_STREAM, delete_consumer_if_exists


@dataclass
class RebuildStats:
    applied: int = 0
    duplicates: int = 0
    skipped: int = 0
    batches: int = 0
    last_sequence: int = 0
    seconds: dict[str, float] = field(
        default_factory=lambda: {"fetch": 0.0, "decode": 0.0, "write": 0.0}
    )


async def rebuild(
    nc: Client,
    db: Database,
    registry: EventRegistry,
    projection: Projection,
    *,
    consumer: str,
    filter_subject: str = ALL_EVENTS,
    batch_size: int = 1000,
    overlap: bool = True,
    transport: Literal["bulk", "fetch"] = "bulk",
    handover: EventConsumer | None = None,
) -> RebuildStats:
    """Replay the whole events stream into an empty read model, then hand over.

    Run it where `shared.rebuild.drop_read_model` leaves off: service stopped, read model
    and the consumer's `processed_events` rows deleted. Interrupted, it is started again
    from the beginning after another drop.
    """
    async with db.transaction() as conn:
        applied_before = (
            await conn.execute(
                select(func.count())
                .select_from(processed_events)
                .where(processed_events.c.consumer == consumer)
            )
        ).scalar_one()
    if applied_before:
        raise RuntimeError(f"{consumer} has applied events already: drop the read model first")
    js = nc.jetstream()
    config = ConsumerConfig(
        deliver_policy=DeliverPolicy.ALL,
        ack_policy=AckPolicy.NONE,
        filter_subject=filter_subject,
        inactive_threshold=30.0,
        # The server keeps the ephemeral consumer's state in memory only.
        mem_storage=True,
    )
    if transport == "fetch":
        pull = await js.pull_subscribe(filter_subject, stream=EVENTS_STREAM, config=config)

        async def fetch() -> list[Msg]:
            return await pull.fetch(batch_size, timeout=1.0)

        async def close() -> None:
            await pull.unsubscribe()
    else:
        info = await js.add_consumer(EVENTS_STREAM, config=config)
        puller = BatchPuller(nc, info.name, batch_size)
        await puller.start()

        async def fetch() -> list[Msg]:
            return await puller.fetch(within=5.0)

        async def close() -> None:
            await puller.stop()
            await js.delete_consumer(EVENTS_STREAM, info.name)

    stats = RebuildStats()
    seen: set[UUID] = set()
    writing: asyncio.Task[None] | None = None
    try:
        while True:
            started = time.perf_counter()
            try:
                messages = await fetch()
            except TimeoutError:
                break  # nothing left to fetch
            if not messages:
                break  # caught up with the head of the stream
            stats.seconds["fetch"] += time.perf_counter() - started
            started = time.perf_counter()
            batch = _decode(registry, messages, seen, stats)
            stats.seconds["decode"] += time.perf_counter() - started
            stats.last_sequence = messages[-1].metadata.sequence.stream
            stats.batches += 1
            if writing is not None:
                await writing
            write = _write(db, projection, consumer, batch, stats)
            if overlap:
                writing = asyncio.create_task(write)
            else:
                await write
            if messages[-1].metadata.num_pending == 0:
                break  # caught up with the head of the stream
        if writing is not None:
            await writing
    finally:
        if writing is not None and not writing.done():
            writing.cancel()
        with contextlib.suppress(Exception):
            await close()
    if handover is not None:
        await hand_over(nc, handover, stats.last_sequence)
    return stats


def _decode(
    registry: EventRegistry, messages: Sequence[Msg], seen: set[UUID], stats: RebuildStats
) -> list[RecordedEvent]:
    batch = []
    for msg in messages:
        envelope = Envelope.model_validate_json(msg.data)
        if envelope.event_id in seen:
            stats.duplicates += 1
            continue
        seen.add(envelope.event_id)
        event = registry.decode(envelope)
        if event is None:
            stats.skipped += 1
            continue
        batch.append(RecordedEvent(envelope, event))
    stats.applied += len(batch)
    return batch


async def _write(
    db: Database,
    projection: Projection,
    consumer: str,
    batch: Sequence[RecordedEvent],
    stats: RebuildStats,
) -> None:
    if not batch:
        return
    started = time.perf_counter()
    now = utcnow()
    async with db.transaction() as conn:
        await projection.apply(conn, batch)
        await conn.execute(
            insert(processed_events),
            [
                {"consumer": consumer, "event_id": r.envelope.event_id, "recorded_at": now}
                for r in batch
            ],
        )
    stats.seconds["write"] += time.perf_counter() - started


async def hand_over(nc: Client, consumer: EventConsumer, last_sequence: int) -> None:
    """(Re)create the live durable so that it starts after what the rebuild applied.

    Caveat for `shared/`: `EventConsumer.start` calls `js.add_consumer` with
    `DeliverPolicy.ALL`, which nats-server refuses for this durable ("deliver policy can
    not be updated", err 10012). `start` has to bind to an existing durable and create
    it only when it is missing.
    """
    js = nc.jetstream()
    await delete_consumer_if_exists(js, EVENTS_STREAM, consumer.name)
    config = consumer.consumer_config()
    config.deliver_policy = DeliverPolicy.BY_START_SEQUENCE
    config.opt_start_seq = last_sequence + 1
    await js.add_consumer(EVENTS_STREAM, config=config)


def describe(stats: RebuildStats) -> dict[str, Any]:
    return {
        "applied": stats.applied,
        "duplicates": stats.duplicates,
        "batches": stats.batches,
        "last_sequence": stats.last_sequence,
        "fetch_s": round(stats.seconds["fetch"], 3),
        "decode_s": round(stats.seconds["decode"], 3),
        "write_s": round(stats.seconds["write"], 3),
    }
