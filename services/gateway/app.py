"""Composition root of the HTTP gateway: the one HTTP surface of Auszug."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import structlog
from fastapi import FastAPI, Response
from fastapi.responses import JSONResponse
from nats.errors import Error as NatsError
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from services.gateway import (
    accounts,
    calendar,
    errors,
    follow_ups,
    history,
    households,
    inquiries,
    letters,
    mail,
    placement,
    prevention,
    reporting,
    volunteer,
)
from services.gateway.adapters import MIGRATIONS
from services.gateway.auth import oidc_sign_in, session_api
from services.gateway.auth.authenticator import Authenticator
from services.gateway.edge import EdgeMiddleware
from services.gateway.mail.digest import digest_job
from services.gateway.mail.outbox import MailSender
from services.gateway.middleware import AccessLogMiddleware, SecurityHeadersMiddleware
from services.gateway.settings import GatewaySettings
from services.gateway.shedding import SheddingRpcClient
from services.gateway.web import pages
from services.gateway.web.i18n import LocaleMiddleware
from shared.db import Database
from shared.http_metrics import HttpMetricsMiddleware
from shared.logging import RequestLogMiddleware, adopt_library_loggers
from shared.messaging import NatsLogin, make_broker
from shared.migrations import upgrade
from shared.nats_auth import GATEWAY
from shared.service import readiness_report

# The areas of the staff UI and its API, as in the navigation bar.
AREAS = (
    households,
    inquiries,
    placement,
    volunteer,
    prevention,
    reporting,
    follow_ups,
    mail,
    calendar,
    history,
    letters,
    accounts,
)

log = structlog.get_logger(__name__)


def create_app(settings: GatewaySettings | None = None) -> FastAPI:
    settings = settings or GatewaySettings()
    broker = make_broker(NatsLogin.of(settings.platform, GATEWAY), "auszug-gateway")
    db = Database(settings.gateway_database)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # However uvicorn was started, its log records (and the broker's) become JSON lines.
        adopt_library_loggers()
        await asyncio.to_thread(upgrade, MIGRATIONS, db.url)
        await broker.connect()
        adopt_library_loggers()
        # Mail (mail/): the sender and the daily overview run beside the requests.
        sender = MailSender(db, settings) if settings.mail_on else None
        digest = digest_job(db, app.state.rpc, settings) if settings.mail_on else None
        if sender is None or digest is None:
            log.info("mail off: AUSZUG_GATEWAY_SMTP_HOST is not set")
        else:
            sender.start()
            digest.start()
        yield
        if sender is not None and digest is not None:
            await digest.stop()
            await sender.stop()
        await db.dispose()
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
    app.state.rpc = SheddingRpcClient(
        broker,
        timeout=settings.rpc_timeout_seconds,
        max_in_flight=settings.rpc_max_in_flight,
        slot_wait_seconds=settings.rpc_slot_wait_seconds,
    )
    app.state.db = db
    app.state.authenticator = Authenticator(db, settings)
    errors.install(app)
    app.include_router(session_api.router)
    app.include_router(oidc_sign_in.router)
    pages.install(app)
    for area in AREAS:
        for router in area.routers:
            app.include_router(router)
    # Innermost: refusals before a body is read still get security headers, language, logs.
    app.add_middleware(EdgeMiddleware, settings=settings)
    app.add_middleware(AccessLogMiddleware, db=db)
    app.add_middleware(SecurityHeadersMiddleware, hsts=settings.secure_cookies)
    app.add_middleware(LocaleMiddleware, secure_cookies=settings.secure_cookies)
    # The last one added runs first: the log line's correlation id covers the metrics too.
    app.add_middleware(HttpMetricsMiddleware)
    app.add_middleware(RequestLogMiddleware)

    @app.get("/metrics", include_in_schema=False)
    async def metrics() -> Response:
        # A route rather than a mounted app: the mount answers `/metrics` with a redirect.
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> Response:
        return Response("ok")

    @app.get("/readyz", include_in_schema=False)
    async def readyz() -> JSONResponse:
        connected = broker.connection is not None and broker.connection.is_connected
        status, body = readiness_report("gateway", {"nats": connected, "database": await db.ping()})
        return JSONResponse(body, status_code=status)

    return app
