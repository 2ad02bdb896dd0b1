"""JetStream layout and the broker factory.

One stream holds every domain event (`auszug.<context>.<EventType>`); a second one
holds dead letters. Request/reply subjects (`auszug.rpc.<context>.<name>`) have four
tokens and therefore never fall into the events stream.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nats
import structlog
from faststream.nats import NatsBroker
from faststream.nats.security import NatsSecurity, NatsUserPassword, parse_security
from nats.aio.client import Client as NatsClient
from nats.errors import TimeoutError as NatsTimeoutError
from nats.js import JetStreamContext
from nats.js.api import DiscardPolicy, RetentionPolicy, StorageType, StreamConfig
from nats.js.errors import BadRequestError, NotFoundError

from shared.settings import PlatformSettings

log = structlog.get_logger(__name__)

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


async def wait_for_streams(js: JetStreamContext, *, interval: float = 0.5) -> None:
    """Streams belong to the operator (`python -m shared.provision`): a service that
    starts before they exist waits for them instead of creating them."""
    warned = False
    while True:
        try:
            await js.stream_info(EVENTS_STREAM)
            return
        except NatsTimeoutError:
            continue  # a busy server (or one still starting): ask again
        except NotFoundError:
            if not warned:
                log.warning(
                    "stream missing; waiting for the operator to provision it",
                    stream=EVENTS_STREAM,
                    command="python -m shared.provision",
                )
                warned = True
            await asyncio.sleep(interval)


async def delete_consumer_if_exists(js: JetStreamContext, stream: str, durable: str) -> None:
    with contextlib.suppress(NotFoundError):
        await js.delete_consumer(stream, durable)


def inbox_prefix(user: str) -> str:
    """Replies to a principal arrive under a prefix only it may subscribe to."""
    return f"_INBOX_{user}"


@dataclass(frozen=True)
class NatsLogin:
    """Who a process is on NATS, and how it reaches the server (shared/nats_auth.py)."""

    url: str
    user: str
    password: str | None
    ca_file: str | None = None

    @classmethod
    def of(cls, platform: PlatformSettings, principal: str) -> NatsLogin:
        """From the settings: the user defaults to the process's own principal; its
        password comes from a file (a docker secret) or the credentials directory."""
        user = platform.nats_user or principal
        source = platform.nats_password_file or (
            str(Path(platform.nats_credentials_dir) / f"{user}.password")
            if platform.nats_credentials_dir
            else None
        )
        password = Path(source).read_text().strip() if source else None
        return cls(platform.nats_url, user, password, platform.nats_tls_ca_file)

    def security(self) -> NatsSecurity | None:
        tls = ssl.create_default_context(cafile=self.ca_file) if self.ca_file else None
        if self.password is not None:
            return NatsUserPassword(self.user, self.password, ssl_context=tls)
        return NatsSecurity(ssl_context=tls) if tls else None

    def options(self) -> dict[str, Any]:
        """Keyword arguments of `nats.connect` for a plain client (tools, tests)."""
        return {
            "servers": [self.url],
            "inbox_prefix": inbox_prefix(self.user),
            **parse_security(self.security()),
        }


def make_broker(login: NatsLogin, client_name: str) -> NatsBroker:
    """A broker that keeps reconnecting for as long as the process lives."""
    return NatsBroker(
        login.url,
        name=client_name,
        security=login.security(),
        inbox_prefix=inbox_prefix(login.user),
        max_reconnect_attempts=-1,
        reconnect_time_wait=1,
        graceful_timeout=10.0,
        # Every message at INFO would drown the logs that matter.
        log_level=logging.DEBUG,
    )


async def connect(login: NatsLogin, client_name: str) -> NatsClient:
    """A plain nats-py client (command-line tools)."""
    return await nats.connect(name=client_name, **login.options())
