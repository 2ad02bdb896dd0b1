"""Dropping a read model so that it is rebuilt from the stream (docs/architecture.md, invariant 4).

Run while the service is stopped: the read model's rows and the consumer's record of
applied events are deleted and its durable JetStream consumer is removed. On the next
start the consumer is created afresh from the first message of the stream, and the
rebuilt model equals the live one because applying is idempotent and keyed by event.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.db import Database
from shared.eventstore.schema import processed_events
from shared.messaging import EVENTS_STREAM, NatsLogin, connect, delete_consumer_if_exists
from shared.migrations import upgrade


async def drop_read_model(
    *,
    database_url: str,
    migrations: Path,
    nats: NatsLogin,
    durable: str,
    clear: Callable[[AsyncConnection], Awaitable[None]],
) -> None:
    db = Database(database_url)
    try:
        upgrade(migrations, db.url)
        async with db.transaction() as conn:
            await clear(conn)
            await conn.execute(
                delete(processed_events).where(processed_events.c.consumer == durable)
            )
    finally:
        await db.dispose()
    nc = await connect(nats, f"auszug-rebuild-{durable}")
    try:
        await delete_consumer_if_exists(nc.jetstream(), EVENTS_STREAM, durable)
    finally:
        await nc.drain()
