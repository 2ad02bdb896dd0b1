"""Composition root of the HTTP gateway: the one HTTP surface of Auszug."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Response
from nats.errors import Error as NatsError
from prometheus_client import make_asgi_app

from services.gateway import errors
from services.gateway.routes import households, placement, reports
from services.gateway.settings import GatewaySettings
from shared.messaging import make_broker
from shared.rpc import RpcClient


def create_app(settings: GatewaySettings | None = None) -> FastAPI:
    settings = settings or GatewaySettings()
    broker = make_broker(settings.platform.nats_url, "auszug-gateway")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await broker.connect()
        yield
        # Draining fails while NATS is away; there is nothing left to drain then.
        with contextlib.suppress(NatsError):
            await broker.stop()

    app = FastAPI(
        title="Auszug",
        description="Auszugsmanagement und Wohnintegrationshilfe — Schnittstelle für Fachkräfte",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.rpc = RpcClient(broker, timeout=settings.rpc_timeout_seconds)
    errors.install(app)
    app.include_router(households.router)
    app.include_router(placement.router)
    app.include_router(reports.router)
    app.mount("/metrics", make_asgi_app())

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> Response:
        return Response("ok")

    @app.get("/readyz", include_in_schema=False)
    async def readyz() -> Response:
        connected = broker.connection is not None and broker.connection.is_connected
        return Response(
            "nats=ok" if connected else "nats=FAIL", status_code=200 if connected else 503
        )

    return app
