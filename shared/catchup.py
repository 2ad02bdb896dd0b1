"""Catching a consumer up with the stream before its durable exists (a fresh or dropped
read model, docs/architecture.md invariant 4), much faster than the live path can.

The live path pays per message: nats-py's `fetch` awaits every message through its own
task and timeout, every message is acknowledged, and at most `4 * batch_size` may be
unacknowledged. Catching up reads through a **short-lived** consumer with
`AckPolicy.NONE`, one pull request per batch of 1,000 whose messages a subscription
callback collects, and writes each batch in one transaction while the next one is
fetched and decoded.

Safety does not depend on how far it gets. Each batch is applied by the consumer's own
`apply` (the `processed_events` check and rows, in the projection's transaction), so a
catch-up that crashed and starts again from the first message applies nothing twice.
It stops at the head of the stream, at the first batch that fails (the live path then
retries and dead-letters it message by message) or at any transport error, and reports
the stream sequence of the last *committed* batch: the durable is created to start
right after it, so every later message reaches the live path exactly as before.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
import weakref
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass
from typing import Any

import structlog
from nats.aio.client import Client as NatsClient
from nats.aio.msg import Msg
from nats.js import JetStreamContext
from nats.js.api import AckPolicy, ConsumerConfig, ConsumerInfo, DeliverPolicy, StatusCode
from nats.js.errors import BadRequestError

from shared.db import Database
from shared.eventstore.store import RecordedEvent
from shared.messaging import EVENTS_STREAM
from shared.nats_auth import CATCH_UP_SLOTS, catch_up_name

log = structlog.get_logger(__name__)

Decode = Callable[[Msg], Awaitable[RecordedEvent | None]]
Apply = Callable[[Sequence[RecordedEvent]], Coroutine[Any, Any, int]]


_TURNS: weakref.WeakKeyDictionary[Database, asyncio.Lock] = weakref.WeakKeyDictionary()


def writer_turn(db: Database) -> contextlib.AbstractAsyncContextManager[object]:
    """Take turns with this process's other writers to a SQLite file.

    SQLite lets one transaction write at a time; two consumers of one service that both
    `BEGIN IMMEDIATE` leave the loser in SQLite's busy handler, which sleeps in steps of
    up to 100 ms (a rebuild with both consumers ran at ~1,100 events/s for that alone).
    Waiting on an asyncio lock instead hands the file over the moment it is free.
    PostgreSQL writes concurrently: no turn needed.
    """
    if not db.is_sqlite:
        return contextlib.nullcontext()
    return _TURNS.setdefault(db, asyncio.Lock())


class BatchPuller:
    """One pull request per batch; a subscription callback gathers the answer.

    A no-wait request for `batch` messages is answered with up to `batch` messages and,
    when fewer were there, a status message that ends the batch: `404 No Messages` when
    there was none, `408 Request Timeout` when there were some (nats-server 2.9).
    """

    def __init__(self, nc: NatsClient, consumer: str, batch: int) -> None:
        self.nc, self.batch = nc, batch
        self.subject = f"$JS.API.CONSUMER.MSG.NEXT.{EVENTS_STREAM}.{consumer}"
        self.request = json.dumps({"batch": batch, "no_wait": True}).encode()
        self.inbox = nc.new_inbox()
        self._messages: list[Msg] = []
        self._complete: asyncio.Future[None] | None = None
        self._sub: Any = None

    async def start(self) -> None:
        self._sub = await self.nc.subscribe(self.inbox, cb=self._on_message)

    async def stop(self) -> None:
        if self._sub is not None:
            await self._sub.unsubscribe()
            self._sub = None

    async def fetch(self, within: float) -> list[Msg]:
        """The next batch (empty at the head of the stream)."""
        self._messages = []
        self._complete = asyncio.get_running_loop().create_future()
        await self.nc.publish(self.subject, self.request, reply=self.inbox)
        await asyncio.wait_for(self._complete, within)
        return self._messages

    async def _on_message(self, msg: Msg) -> None:
        complete = self._complete
        status = JetStreamContext.is_status_msg(msg)
        if status is None:
            self._messages.append(msg)
            if len(self._messages) >= self.batch and complete is not None and not complete.done():
                complete.set_result(None)
        elif complete is not None and not complete.done():
            if status in (StatusCode.NO_MESSAGES, StatusCode.REQUEST_TIMEOUT):
                complete.set_result(None)
            else:
                complete.set_exception(RuntimeError(f"pull request failed: {msg.headers}"))


@dataclass
class CatchUp:
    """How far a catch-up got: the durable starts after `last_sequence`."""

    last_sequence: int = 0
    messages: int = 0
    applied: int = 0
    batches: int = 0
    stopped_by: str = "head of the stream"


async def _add_in_free_slot(
    js: JetStreamContext, durable: str, filter_subject: str
) -> ConsumerInfo:
    """A short-lived consumer under one of the few names NATS lets this service use
    (shared/nats_auth.py): replicas catching up at once take different slots, and the
    leftover of a crashed catch-up keeps its slot until the server drops it."""
    while True:
        for slot in range(CATCH_UP_SLOTS):
            config = ConsumerConfig(
                name=catch_up_name(durable, slot),
                deliver_policy=DeliverPolicy.ALL,
                ack_policy=AckPolicy.NONE,
                filter_subject=filter_subject,
                inactive_threshold=30.0,  # gone by itself after a crash
                mem_storage=True,
                # Unique, so that a slot in use is refused rather than shared.
                description=f"catch-up of {durable} ({secrets.token_hex(6)})",
            )
            try:
                return await js.add_consumer(EVENTS_STREAM, config=config)
            except BadRequestError:
                continue  # taken by a replica, or left by a crash
        log.info("every catch-up slot is taken; waiting", consumer=durable)
        await asyncio.sleep(1.0)


async def catch_up(
    nc: NatsClient,
    *,
    name: str,
    filter_subject: str,
    decode: Decode,
    apply: Apply,
    batch_size: int = 1000,
) -> CatchUp:
    """Apply the stream from its first message until its head (see the module's doc)."""
    js = nc.jetstream()
    result = CatchUp()
    info = await _add_in_free_slot(js, name, filter_subject)
    puller = BatchPuller(nc, info.name, batch_size)
    writing: asyncio.Task[int] | None = None
    pending_last = 0  # the last sequence of the batch being written

    async def committed() -> None:
        nonlocal writing
        if writing is not None:
            task, writing = writing, None
            result.applied += await task
            result.last_sequence, result.batches = pending_last, result.batches + 1

    try:
        await puller.start()
        while True:
            messages = await puller.fetch(within=10.0)
            if not messages:
                break
            batch = [r for msg in messages if (r := await decode(msg)) is not None]
            await committed()
            pending_last = messages[-1].metadata.sequence.stream
            result.messages += len(messages)
            writing = asyncio.create_task(apply(batch))
            if messages[-1].metadata.num_pending == 0:
                break
        await committed()
    except asyncio.CancelledError:
        if writing is not None:
            writing.cancel()
        raise
    except Exception as exc:
        # Whatever was not committed reaches the live path after the hand-over.
        result.stopped_by = repr(exc)
        with contextlib.suppress(Exception):
            await committed()
        log.warning("catch-up stopped early", consumer=name, error=repr(exc))
    finally:
        with contextlib.suppress(Exception):
            await puller.stop()
        with contextlib.suppress(Exception):
            await js.delete_consumer(EVENTS_STREAM, info.name)
    return result
