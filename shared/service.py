"""What every service process is made of, wired once: the composition every service reuses.

A service hands in its name, settings and migrations, registers its request handlers
on `host.rpc` and its consumers through `host.consume`, and gets an ASGI app that
serves `/metrics`, `/healthz` and `/readyz` next to its NATS subscribers.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import structlog
from faststream.asgi import AsgiFastStream, AsgiResponse, get
from faststream.asgi.types import Scope
from prometheus_client import make_asgi_app

from shared import http_server
from shared.application import CommandExecutor
from shared.consumer import ALL_EVENTS, EventConsumer, Projection, RetryPolicy
from shared.contracts import CONTRACTS
from shared.db import Database
from shared.eventstore.store import EventStore
from shared.logging import RpcLogMiddleware, adopt_library_loggers
from shared.messaging import NatsLogin, make_broker, wait_for_streams
from shared.migrations import upgrade
from shared.nats_auth import check_consumer
from shared.relay import OutboxRelay
from shared.rpc import RpcRouter
from shared.settings import ServiceSettings

log = structlog.get_logger(__name__)

OUTBOX_READY_LIMIT = 10_000


class ServiceHost:
    def __init__(self, name: str, settings: ServiceSettings, migrations: Path) -> None:
        self.name = name
        self.settings = settings
        self.migrations = migrations
        self.db = Database(settings.database(name))
        self.broker = make_broker(NatsLogin.of(settings.platform, name), f"auszug-{name}")
        self.broker.add_middleware(RpcLogMiddleware)
        self.store = EventStore(CONTRACTS)
        crash = settings.fault_crash_after_published
        self.relay = OutboxRelay(
            self.db,
            lambda: self.broker.connection.jetstream(),
            crash_after_published=crash if settings.platform.environment == "test" else None,
        )
        self.commands = CommandExecutor(self.db, self.store, self.relay)
        self.rpc = RpcRouter(name)
        self.consumers: list[EventConsumer] = []
        self._on_ready: list[Callable[[], Awaitable[None]]] = []

    def consume(
        self,
        durable: str,
        projection: Projection,
        *,
        filter_subject: str = ALL_EVENTS,
        batch_size: int = 256,
        retry: RetryPolicy | None = None,
    ) -> EventConsumer:
        # Fail at start-up, not with a permissions violation on the bus at run time.
        check_consumer(self.name, durable, filter_subject)
        consumer = EventConsumer(
            name=durable,
            db=self.db,
            registry=CONTRACTS,
            projection=projection,
            filter_subject=filter_subject,
            batch_size=batch_size,
            retry=retry,
        )
        self.consumers.append(consumer)
        return consumer

    def app(self) -> AsgiFastStream:
        self.broker.include_router(self.rpc.router)
        return AsgiFastStream(
            self.broker,
            asgi_routes=[
                ("/metrics", make_asgi_app()),
                ("/healthz", _alive),
                ("/readyz", self._readiness_route()),
            ],
            on_startup=[self._prepare],
            after_startup=[self._after_startup],
            on_shutdown=[self._stop_workers],
            after_shutdown=[self.db.dispose],
            asyncapi_path="/docs/asyncapi",
        )

    async def _prepare(self) -> None:
        """Before any subscriber starts: schema up to date, streams in place (the
        operator provisions them; shared/provision.py)."""
        # uvicorn has installed its log handlers by now; route them to ours.
        adopt_library_loggers()
        # Alembic is synchronous; keep the event loop free while it runs.
        await asyncio.to_thread(upgrade, self.migrations, self.db.url)
        await self.broker.connect()
        await wait_for_streams(self.broker.connection.jetstream())

    async def _after_startup(self) -> None:
        await self.relay.start()
        for consumer in self.consumers:
            await consumer.start(self.broker.connection)
        adopt_library_loggers()  # the broker's logger appears once it has connected
        log.info("service started", service=self.name, port=self.settings.http_port)

    async def _stop_workers(self) -> None:
        for consumer in self.consumers:
            await consumer.stop()
        await self.relay.stop()

    async def readiness(self) -> dict[str, Any]:
        """Each check of `/readyz` by name: True when fine."""
        checks = {
            "database": await self.db.ping(),
            "nats": self.broker.connection.is_connected,
            "relay": self.relay.running,
            "consumers": all(c.running for c in self.consumers),
            "outbox_below_limit": self.relay.backlog < OUTBOX_READY_LIMIT,
        }
        return checks

    def _readiness_route(self) -> Any:
        @get(include_in_schema=False)
        async def ready(scope: Scope) -> AsgiResponse:
            try:
                checks = await self.readiness()
                details: dict[str, Any] = {
                    "outbox_backlog": self.relay.backlog,
                    "outbox_limit": OUTBOX_READY_LIMIT,
                    "consumers": {c.name: c.running for c in self.consumers},
                }
            except Exception as exc:  # a check that cannot even run means "not ready"
                checks, details = {"checks_ran": False}, {"error": repr(exc)}
            status, body = readiness_report(self.name, checks, **details)
            return AsgiResponse(
                json.dumps(body).encode(), status, headers={"content-type": "application/json"}
            )

        return ready


def readiness_report(
    service: str, checks: dict[str, Any], **details: Any
) -> tuple[int, dict[str, Any]]:
    """Status and body of `/readyz`: 200 when every check is True, else 503.

    `{"service": "intake", "ready": false, "checks": {"database": "ok", "nats": "fail",
    ...}, "outbox_backlog": 0, ...}` — each check by name, so whoever reads it (an
    orchestrator's log, an operator with curl) sees which one failed.
    """
    ready = all(v is True for v in checks.values())
    body = {
        "service": service,
        "ready": ready,
        "checks": {k: "ok" if v is True else "fail" for k, v in checks.items()},
        **details,
    }
    return (200 if ready else 503), body


@get(include_in_schema=False)
async def _alive(scope: Scope) -> AsgiResponse:
    return AsgiResponse(b"ok", 200)


def serve(app: AsgiFastStream, settings: ServiceSettings) -> None:
    """Run `app` under uvicorn until SIGINT/SIGTERM (exit 1 at once if its port is taken)."""
    http_server.run(app, host=settings.http_host, port=settings.http_port, lifespan="on")
