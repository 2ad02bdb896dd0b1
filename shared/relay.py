"""The outbox relay: publishes outbox entries to JetStream in order (docs/architecture.md,
invariant 2).

Each round takes the oldest entries, publishes them pipelined with
`Nats-Msg-Id = event_id`, waits for the PubAcks and deletes only the acknowledged
prefix. A crash after publishing and before deleting republishes on restart: JetStream
drops the duplicate within its window, consumers drop it after that.

The relay selects whatever is unpublished, never "everything after the last id", so a
PostgreSQL transaction that commits a lower id after a higher one is picked up in the
next round instead of being skipped. On PostgreSQL the round holds `FOR UPDATE` on its
rows, so a second replica's relay waits instead of publishing the same rows out of order.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import time
from collections.abc import Callable, Sequence
from typing import Any

import structlog
from nats.js import JetStreamContext
from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from shared import metrics
from shared.db import Database
from shared.eventstore.schema import outbox

log = structlog.get_logger(__name__)


class RelayIncomplete(Exception):
    """Part of a round was not acknowledged; the rest is retried."""


class OutboxRelay:
    def __init__(
        self,
        db: Database,
        jetstream: Callable[[], JetStreamContext],
        *,
        batch_size: int = 500,
        idle_interval: float = 1.0,
        ack_timeout: float = 10.0,
        crash_after_published: int | None = None,
    ) -> None:
        self.db = db
        self.jetstream = jetstream
        # One context for the relay's life: each new context's first publish_async
        # subscribes a reply inbox that is never released (one leaked subscription per
        # round, measured by the benchmark).
        self._js: JetStreamContext | None = None
        self.batch_size = batch_size
        self.idle_interval = idle_interval
        self.ack_timeout = ack_timeout
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._running = False
        self.backlog = 0
        # Fault injection for the crash tests: once this process has had `n` entries
        # acknowledged, SIGKILL it before they are deleted: the worst moment to die.
        self._crash_after_published = crash_after_published
        self._published = 0

    def notify(self) -> None:
        """New entries were committed: publish them now rather than at the next poll.

        The relay is the database's `shared.db.Wake`: the write path tells it after
        every commit that appended events, a command's or a consumer policy's."""
        self._wake.set()

    async def start(self) -> None:
        self._running = True
        self._task = asyncio.create_task(self._run(), name="outbox-relay")

    async def stop(self) -> None:
        self._running = False
        self._wake.set()
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(self._task, timeout=self.ack_timeout + 5)
            self._task = None

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    async def _run(self) -> None:
        backoff = 0.1
        while self._running:
            self._wake.clear()
            try:
                published = await self.publish_round()
                backoff = 0.1
            except Exception as exc:
                metrics.OUTBOX_PUBLISH_ERRORS.inc()
                log.warning("outbox relay round failed; retrying", error=repr(exc), backoff=backoff)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 5.0)
                continue
            if published < self.batch_size:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=self.idle_interval)

    async def publish_round(self) -> int:
        """Publish one batch; returns how many entries were acknowledged and removed."""
        if self.db.is_sqlite:
            # SQLite has one writer: do not hold its lock while waiting for the broker.
            async with self.db.transaction() as conn:
                rows = await self._oldest(conn, lock=False)
            acked = await self._publish(rows)
            self._maybe_crash(acked)
            if acked:
                async with self.db.transaction() as conn:
                    await self._delete(conn, acked)
        else:
            async with self.db.transaction() as conn:
                rows = await self._oldest(conn, lock=True)
                acked = await self._publish(rows)
                self._maybe_crash(acked)
                await self._delete(conn, acked)
        metrics.OUTBOX_PUBLISHED.inc(len(acked))
        await self._measure_backlog()
        if len(acked) < len(rows):
            raise RelayIncomplete(f"{len(rows) - len(acked)} of {len(rows)} not acknowledged")
        metrics.OUTBOX_LAST_SUCCESS.set(time.time())
        return len(acked)

    def _maybe_crash(self, acked: list[int]) -> None:
        if self._crash_after_published is None or not acked:
            return
        first_round = self._published == 0
        self._published += len(acked)
        # Never in a process's first round, or a restart with a large backlog would
        # crash before deleting anything, again and again, and never make progress.
        if not first_round and self._published >= self._crash_after_published:
            log.warning(
                "fault injection: SIGKILL after publish, before marking", entries=len(acked)
            )
            os.kill(os.getpid(), signal.SIGKILL)

    async def _oldest(self, conn: AsyncConnection, *, lock: bool) -> Sequence[Any]:
        query = select(outbox).order_by(outbox.c.id).limit(self.batch_size)
        if lock:
            query = query.with_for_update()
        return (await conn.execute(query)).all()

    async def _publish(self, rows: Sequence[Any]) -> list[int]:
        """Publish pipelined; return the ids of the acknowledged prefix, in order."""
        if not rows:
            return []
        if self._js is None:
            self._js = self.jetstream()
        js = self._js
        futures: list[asyncio.Future[Any]] = []
        try:
            for row in rows:
                futures.append(
                    await js.publish_async(
                        row.subject, row.body.encode(), headers={"Nats-Msg-Id": str(row.event_id)}
                    )
                )
            await asyncio.wait(futures, timeout=self.ack_timeout)
        finally:
            for future in futures:
                if not future.done():
                    future.cancel()
        acked = []
        for row, future in zip(rows, futures, strict=False):
            if future.cancelled() or future.exception() is not None:
                break
            acked.append(row.id)
        return acked

    async def _delete(self, conn: AsyncConnection, ids: list[int]) -> None:
        for start in range(0, len(ids), 500):
            await conn.execute(delete(outbox).where(outbox.c.id.in_(ids[start : start + 500])))

    async def _measure_backlog(self) -> None:
        async with self.db.read() as conn:
            backlog = (await conn.execute(select(func.count()).select_from(outbox))).scalar_one()
        self.backlog = int(backlog)
        metrics.OUTBOX_BACKLOG.set(self.backlog)
