"""JetStream layout and the broker factory.

One stream holds every domain event (`auszug.<context>.<EventType>`); a second one
holds dead letters. Request/reply subjects (`auszug.rpc.<context>.<name>`) have four
tokens and therefore never fall into the events stream.
"""

from __future__ import annotations

import contextlib
import logging

from faststream.nats import NatsBroker
from nats.js import JetStreamContext
from nats.js.api import DiscardPolicy, RetentionPolicy, StorageType, StreamConfig
from nats.js.errors import BadRequestError, NotFoundError

EVENTS_STREAM = "AUSZUG_EVENTS"
DLQ_STREAM = "AUSZUG_DLQ"
EVENT_CONTEXTS = ("intake", "placement", "volunteer", "prevention")
DLQ_SUBJECT_ROOT = "auszug.dlq"
DUPLICATE_WINDOW_SECONDS = 120.0


def events_stream() -> StreamConfig:
    return StreamConfig(
        name=EVENTS_STREAM,
        subjects=[f"auszug.{context}.*" for context in EVENT_CONTEXTS],
        retention=RetentionPolicy.LIMITS,
        storage=StorageType.FILE,
        discard=DiscardPolicy.OLD,
        duplicate_window=DUPLICATE_WINDOW_SECONDS,
    )


def dead_letter_stream() -> StreamConfig:
    return StreamConfig(
        name=DLQ_STREAM,
        subjects=[f"{DLQ_SUBJECT_ROOT}.>"],
        retention=RetentionPolicy.LIMITS,
        storage=StorageType.FILE,
        discard=DiscardPolicy.OLD,
    )


async def ensure_streams(js: JetStreamContext, *, replicas: int = 1) -> None:
    """Create the streams, or bring an existing one to this configuration. Idempotent.

    Replicas are only ever raised here: a cluster operator who set three must not find
    one after the next service start.
    """
    for name, config in ((EVENTS_STREAM, events_stream()), (DLQ_STREAM, dead_letter_stream())):
        config.num_replicas = replicas
        try:
            await js.add_stream(config)
        except BadRequestError:
            # Exists with another configuration (an older release, or more replicas).
            existing = (await js.stream_info(name)).config
            config.num_replicas = max(replicas, existing.num_replicas or 1)
            await js.update_stream(config)


async def delete_consumer_if_exists(js: JetStreamContext, stream: str, durable: str) -> None:
    with contextlib.suppress(NotFoundError):
        await js.delete_consumer(stream, durable)


def make_broker(nats_url: str, client_name: str) -> NatsBroker:
    """A broker that keeps reconnecting for as long as the process lives."""
    return NatsBroker(
        nats_url,
        name=client_name,
        max_reconnect_attempts=-1,
        reconnect_time_wait=1,
        graceful_timeout=10.0,
        # Every message at INFO would drown the logs that matter.
        log_level=logging.DEBUG,
    )
