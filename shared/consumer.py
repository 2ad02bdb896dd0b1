"""The idempotent consumer (docs/architecture.md, invariant 3).

A durable JetStream pull consumer hands over ordered batches. For a batch, one SQL
transaction applies the events not applied before and records their ids as applied;
only after the commit are the messages acknowledged. A crash anywhere in between
means a redelivery, and the recorded ids make the redelivery a no-op.

If the batch transaction fails, every message is retried on its own so one bad event
cannot hold back the others: it is handed back with a growing delay, and after
`max_deliver` deliveries moved to the dead-letter stream with a metric. A message that
is not an envelope at all goes there at once. An event type nobody registered is
acknowledged and counted, not applied.

A consumer whose durable does not exist yet (a new or dropped read model) first catches
up with the stream through `shared.catchup` (bulk reads, no acks, the same transaction
per batch), then creates its durable to start after what was applied.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import structlog
from nats.aio.client import Client as NatsClient
from nats.aio.msg import Msg
from nats.errors import Error as NatsError
from nats.js import JetStreamContext
from nats.js.api import AckPolicy as JsAckPolicy
from nats.js.api import ConsumerConfig, DeliverPolicy
from nats.js.errors import BadRequestError, NotFoundError
from pydantic import ValidationError
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from shared import metrics
from shared.catchup import CatchUp, catch_up, writer_turn
from shared.clock import utcnow
from shared.contracts.registry import EventRegistry
from shared.db import Database
from shared.envelope import Envelope
from shared.eventstore.schema import processed_events
from shared.eventstore.store import RecordedEvent
from shared.messaging import DLQ_SUBJECT_ROOT, EVENTS_STREAM

log = structlog.get_logger(__name__)

ALL_EVENTS = "auszug.*.*"


class Projection(Protocol):
    """Applies events to a read model or reacts to them, inside the given transaction.

    A projection may also name the only event types it reads, as a class attribute
    `event_types` (a collection of event classes): a catch-up then skips the others
    unparsed (see `shared.catchup`).
    """

    async def apply(self, conn: AsyncConnection, batch: Sequence[RecordedEvent]) -> None: ...


@dataclass(frozen=True)
class RetryPolicy:
    max_deliver: int = 6
    delays: tuple[float, ...] = (0.5, 2.0, 5.0, 15.0, 60.0)

    def delay(self, delivered: int) -> float:
        return self.delays[min(delivered, len(self.delays)) - 1]


class EventConsumer:
    def __init__(
        self,
        *,
        name: str,
        db: Database,
        registry: EventRegistry,
        projection: Projection,
        filter_subject: str = ALL_EVENTS,
        batch_size: int = 256,
        fetch_timeout: float = 0.25,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.name = name
        self.db = db
        self.registry = registry
        self.projection = projection
        self.filter_subject = filter_subject
        self.batch_size = batch_size
        self.fetch_timeout = fetch_timeout
        self.retry = retry or RetryPolicy()
        self._nc: NatsClient | None = None
        self._subscription: JetStreamContext.PullSubscription | None = None
        self._task: asyncio.Task[None] | None = None
        self._running = False
        self.caught_up = asyncio.Event()
        self.last_catch_up: CatchUp | None = None

    def consumer_config(self) -> ConsumerConfig:
        return ConsumerConfig(
            # Named as well: the server then takes the filter from the API subject, which
            # lets NATS permissions pin each consumer to its filter (shared/nats_auth.py).
            name=self.name,
            durable_name=self.name,
            deliver_policy=DeliverPolicy.ALL,
            ack_policy=JsAckPolicy.EXPLICIT,
            ack_wait=60.0,
            # Dead-lettering is ours, so the server must never give up on a message.
            max_deliver=-1,
            max_ack_pending=self.batch_size * 4,
            filter_subject=self.filter_subject,
        )

    async def start(self, nc: NatsClient) -> None:
        """Bind to the durable consumer and start pulling from it.

        Without a durable (a new or dropped read model) the stream is first replayed by
        `shared.catchup` in the background, and the durable is created to start after
        what that applied.
        """
        self._nc = nc
        js = nc.jetstream()
        try:
            # Bind to what exists: a durable recreated at a start sequence (after a
            # rebuild) cannot be "updated" back to DeliverPolicy.ALL; the server refuses.
            info = await js.consumer_info(EVENTS_STREAM, self.name)
        except NotFoundError:
            fresh = True
        else:
            fresh = info.config.filter_subject != self.filter_subject
            if fresh:
                await self._drop_for_new_filter(js, info.config.filter_subject)
            else:
                self._subscription = await js.pull_subscribe_bind(self.name, stream=EVENTS_STREAM)
                self.caught_up.set()
        self._running = True
        self._task = asyncio.create_task(self._run(fresh), name=f"consumer-{self.name}")

    async def _drop_for_new_filter(self, js: JetStreamContext, old: str | None) -> None:
        """The code now wants other events than the durable delivers (the service reacts
        to a new event type). The durable's position says nothing about events its old
        filter skipped, so it is dropped and the stream caught up from the start through
        the new filter; what was applied before is skipped by its event id."""
        log.warning(
            "durable filter changed; catching up through the new one",
            consumer=self.name,
            old=old,
            new=self.filter_subject,
        )
        with contextlib.suppress(NotFoundError):  # another replica dropped it first
            await js.delete_consumer(EVENTS_STREAM, self.name)

    async def _run(self, fresh: bool) -> None:
        if fresh:
            await self._catch_up_and_hand_over()
        await self._pull()

    async def _catch_up_and_hand_over(self) -> None:
        assert self._nc is not None
        js = self._nc.jetstream()
        wanted = getattr(self.projection, "event_types", None)
        names = None if wanted is None else {cls.__name__ for cls in wanted}

        async def decode(msg: Msg) -> RecordedEvent | None:
            # Subjects end in the event type (`contracts.registry.subject_for`).
            if names is not None and msg.subject.rpartition(".")[2] not in names:
                return None
            return await self._decode(msg, settle=False)

        try:
            done = await catch_up(
                self._nc,
                name=self.name,
                filter_subject=self.filter_subject,
                decode=decode,
                apply=self._apply_counted,
            )
            last, self.last_catch_up = done.last_sequence, done
            log.info("caught up", consumer=self.name, **vars(done))
        except NatsError as exc:
            last = 0  # the live path replays everything instead
            log.warning("catch-up not possible", consumer=self.name, error=repr(exc))
        config = self.consumer_config()
        if last:
            config.deliver_policy = DeliverPolicy.BY_START_SEQUENCE
            config.opt_start_seq = last + 1
        while self._subscription is None:
            try:
                with contextlib.suppress(BadRequestError):  # created by a previous attempt
                    await js.add_consumer(EVENTS_STREAM, config)
                self._subscription = await js.pull_subscribe_bind(self.name, stream=EVENTS_STREAM)
            except NatsError as exc:
                log.info("durable not created yet; retrying", consumer=self.name, error=repr(exc))
                await asyncio.sleep(0.5)
        self.caught_up.set()

    async def _apply_counted(self, batch: Sequence[RecordedEvent]) -> int:
        started = time.perf_counter()
        applied = await self._apply(batch) if batch else 0
        metrics.EVENTS_CONSUMED.labels(self.name, "applied").inc(applied)
        metrics.EVENTS_CONSUMED.labels(self.name, "duplicate").inc(len(batch) - applied)
        metrics.CONSUMER_BATCH_DURATION.labels(self.name).observe(time.perf_counter() - started)
        return applied

    async def stop(self) -> None:
        self._running = False
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self._subscription is not None:
            # Leave nothing for the connection's drain to wait on.
            with contextlib.suppress(NatsError):
                await self._subscription.unsubscribe()
            self._subscription = None

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    async def _pull(self) -> None:
        # Our own loop rather than FastStream's PullSub(batch=True): in FastStream 0.7.8
        # a fetch that times out after a partial batch raises asyncio.TimeoutError past
        # its `except nats.errors.TimeoutError`, dropping the fetched messages until
        # their ack_wait runs out (a stall of a minute, seen in the replay test).
        assert self._subscription is not None
        while self._running:
            try:
                messages = await self._subscription.fetch(
                    self.batch_size, timeout=self.fetch_timeout
                )
            except TimeoutError:  # also nats.errors.TimeoutError, its subclass
                continue
            except NatsError as exc:
                # Disconnected or reconnecting: nats-py resubscribes by itself.
                log.info("fetch failed; retrying", consumer=self.name, error=repr(exc))
                await asyncio.sleep(0.5)
                continue
            try:
                await self.handle(messages)
            except Exception:
                # Settling failed (the connection dropped mid-batch, the database is
                # gone): unacknowledged messages come back after ack_wait.
                log.exception("batch not settled; it will be redelivered", consumer=self.name)
                await asyncio.sleep(1.0)

    async def handle(self, messages: Sequence[Msg]) -> None:
        started = time.perf_counter()
        candidates: list[tuple[Msg, RecordedEvent]] = []
        for msg in messages:
            recorded = await self._decode(msg)
            if recorded is not None:
                candidates.append((msg, recorded))
        if candidates:
            try:
                applied = await self._apply([r for _, r in candidates])
            except Exception as exc:
                log.warning(
                    "batch failed; retrying one by one", consumer=self.name, error=repr(exc)
                )
                await self._one_by_one(candidates)
            else:
                for msg, _ in candidates:
                    await msg.ack()
                metrics.EVENTS_CONSUMED.labels(self.name, "applied").inc(applied)
                metrics.EVENTS_CONSUMED.labels(self.name, "duplicate").inc(
                    len(candidates) - applied
                )
        if messages:
            pending = messages[-1].metadata.num_pending
            if pending is not None:
                metrics.CONSUMER_PENDING.labels(self.name).set(pending)
        metrics.CONSUMER_BATCH_DURATION.labels(self.name).observe(time.perf_counter() - started)

    async def _decode(self, msg: Msg, *, settle: bool = True) -> RecordedEvent | None:
        """The event in `msg`; None once the message has been dealt with otherwise
        (`settle`: acknowledged or terminated; a catch-up's messages need neither)."""
        try:
            envelope = Envelope.model_validate_json(msg.data)
        except ValidationError as exc:
            await self._dead_letter(msg, "malformed", repr(exc), settle=settle)
            return None
        if not self.registry.known(envelope.event_type):
            metrics.EVENTS_CONSUMED.labels(self.name, "unknown_type").inc()
            log.info("skipping unknown event type", consumer=self.name, type=envelope.event_type)
            if settle:
                await msg.ack()
            return None
        try:
            event = self.registry.decode(envelope)
        except ValidationError as exc:
            await self._dead_letter(msg, "invalid_payload", repr(exc), settle=settle)
            return None
        assert event is not None
        return RecordedEvent(envelope, event)

    async def _apply(self, batch: Sequence[RecordedEvent]) -> int:
        """Apply what was not applied before, in one transaction; return how many were new."""
        async with writer_turn(self.db), self.db.transaction() as conn:
            ids = [r.envelope.event_id for r in batch]
            seen = set(
                (
                    await conn.execute(
                        select(processed_events.c.event_id).where(
                            processed_events.c.consumer == self.name,
                            processed_events.c.event_id.in_(ids),
                        )
                    )
                ).scalars()
            )
            fresh: list[RecordedEvent] = []
            for recorded in batch:
                # A batch can hold the same event twice (a republish after a lost ack).
                if recorded.envelope.event_id not in seen:
                    seen.add(recorded.envelope.event_id)
                    fresh.append(recorded)
            if not fresh:
                return 0
            await self.projection.apply(conn, fresh)
            now = utcnow()
            await conn.execute(
                insert(processed_events),
                [
                    {"consumer": self.name, "event_id": r.envelope.event_id, "recorded_at": now}
                    for r in fresh
                ],
            )
            return len(fresh)

    async def _one_by_one(self, candidates: Sequence[tuple[Msg, RecordedEvent]]) -> None:
        for msg, recorded in candidates:
            try:
                applied = await self._apply([recorded])
            except Exception as exc:
                delivered = msg.metadata.num_delivered or 1
                if delivered >= self.retry.max_deliver:
                    await self._dead_letter(msg, "handler_failed", repr(exc))
                else:
                    metrics.CONSUMER_RETRIES.labels(self.name).inc()
                    log.warning(
                        "event failed; will retry",
                        consumer=self.name,
                        event_id=str(recorded.envelope.event_id),
                        delivered=delivered,
                        error=repr(exc),
                    )
                    await msg.nak(delay=self.retry.delay(delivered))
            else:
                await msg.ack()
                metrics.EVENTS_CONSUMED.labels(
                    self.name, "applied" if applied else "duplicate"
                ).inc()

    async def _dead_letter(self, msg: Msg, reason: str, error: str, *, settle: bool = True) -> None:
        assert self._nc is not None
        js = self._nc.jetstream()
        headers: dict[str, Any] = {
            "Auszug-Consumer": self.name,
            "Auszug-Reason": reason,
            "Auszug-Error": error[:1000].replace("\r", " ").replace("\n", " "),
            "Auszug-Original-Subject": msg.subject,
            "Auszug-Delivered": str(msg.metadata.num_delivered or 1),
        }
        if msg.metadata.sequence is not None:
            headers["Auszug-Stream-Sequence"] = str(msg.metadata.sequence.stream)
            # The same message dead-lettered twice (crash before term) is stored once.
            headers["Nats-Msg-Id"] = f"{self.name}:{msg.metadata.sequence.stream}"
        await js.publish(f"{DLQ_SUBJECT_ROOT}.{self.name}", msg.data, headers=headers)
        if settle:
            await msg.term()
        metrics.EVENTS_DEAD_LETTERED.labels(self.name, reason).inc()
        log.error("message dead-lettered", consumer=self.name, reason=reason, error=error[:300])
