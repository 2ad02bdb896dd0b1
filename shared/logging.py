"""Structured logs: one JSON line per record, with the service and the correlation id.

structlog renders our own log calls; records of the standard library's loggers
(uvicorn, FastStream, Alembic) go through structlog's `ProcessorFormatter` with the
same processors, so with `AUSZUG_LOG_FORMAT=json` every line a process writes is JSON.

The correlation id follows a command: the gateway takes it from the header
`x-correlation-id` (or makes one) and logs the request with it (`RequestLogMiddleware`);
it travels in every request to a service (`Caller.correlation_id`), where
`RpcLogMiddleware` logs the request with it, and in the envelope of every event the
command caused. Client addresses are never logged: an IP address is personal data.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from typing import Any
from uuid import UUID, uuid4

import faststream  # noqa: F401  (creates its "faststream" logger, adopted below)
import structlog
from faststream import BaseMiddleware
from faststream.message import StreamMessage
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared.http_metrics import route_template

log = structlog.get_logger("auszug.access")

CORRELATION_HEADER = b"x-correlation-id"
# Libraries that install handlers of their own (uvicorn when it starts, FastStream when
# its broker first logs); their records belong in our one stream of JSON lines.
_LIBRARY_LOGGERS = ("uvicorn", "faststream")
# Scraped and probed every few seconds: at INFO they would drown the requests of staff.
_PROBES = frozenset({"/metrics", "/healthz", "/readyz"})


def configure_logging(service: str, *, fmt: str = "json", level: str = "INFO") -> None:
    """JSON (or console) lines on stderr, for structlog and the standard library alike."""
    renderer: structlog.typing.Processor = (
        structlog.processors.JSONRenderer()
        if fmt == "json"
        else structlog.dev.ConsoleRenderer(colors=False)
    )
    common: list[structlog.typing.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    numeric_level = logging.getLevelName(level.upper())
    structlog.configure(
        processors=[*common, structlog.processors.format_exc_info, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(numeric_level),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=True,
    )
    structlog.contextvars.bind_contextvars(service=service)
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(numeric_level)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=[*common, structlog.stdlib.add_logger_name],
            processors=[
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                structlog.processors.format_exc_info,
                renderer,
            ],
        )
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(numeric_level)
    adopt_library_loggers()


def adopt_library_loggers() -> None:
    """Send uvicorn's and FastStream's records to the root handler instead of their own.

    They install their handlers late, so the apps call this again once started.
    """
    for name in list(logging.root.manager.loggerDict):
        if name.split(".")[0] in _LIBRARY_LOGGERS:
            logger = logging.getLogger(name)
            logger.handlers.clear()
            logger.propagate = True


def _correlation_id(scope: Scope) -> str:
    for key, value in scope.get("headers", ()):
        if key == CORRELATION_HEADER:
            try:
                return str(UUID(value.decode("latin-1")))
            except ValueError:
                break  # not ours to trust: start a new one
    return str(uuid4())


class RequestLogMiddleware:
    """One log line per HTTP request, and one correlation id for all it causes.

    The id from the header is kept when it is a UUID (a reverse proxy or a client may
    set it), else a fresh one replaces it in the request's headers, so the caller
    dependency hands the same id on to the services. The response carries it back.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        correlation_id = _correlation_id(scope)
        headers = [(k, v) for k, v in scope["headers"] if k != CORRELATION_HEADER]
        scope["headers"] = [*headers, (CORRELATION_HEADER, correlation_id.encode())]
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                message["headers"] = [
                    *message.get("headers", ()),
                    (CORRELATION_HEADER, correlation_id.encode()),
                ]
            await send(message)

        with structlog.contextvars.bound_contextvars(correlation_id=correlation_id):
            try:
                await self.app(scope, receive, send_with_id)
            finally:
                route = route_template(scope)
                emit = log.error if status >= 500 else log.debug if route in _PROBES else log.info
                emit(
                    "http request",
                    method=scope["method"],
                    route=route,
                    status=status,
                    duration_ms=round((time.perf_counter() - started) * 1000, 1),
                )


class RpcLogMiddleware(BaseMiddleware):
    """One log line per request a service answers over NATS, with its correlation id."""

    async def consume_scope(self, call_next: Any, msg: StreamMessage[Any]) -> Any:
        subject = getattr(msg.raw_message, "subject", "")
        if not subject.startswith("auszug.rpc."):
            return await call_next(msg)
        correlation_id = _caller_correlation_id(msg.body)
        started = time.perf_counter()
        outcome = "internal"
        with structlog.contextvars.bound_contextvars(correlation_id=correlation_id):
            try:
                reply = await call_next(msg)
                outcome = _outcome(reply)
                return reply
            finally:
                (log.error if outcome == "internal" else log.info)(
                    "rpc request",
                    subject=subject,
                    outcome=outcome,
                    duration_ms=round((time.perf_counter() - started) * 1000, 1),
                    correlation_id=correlation_id,
                )


def _caller_correlation_id(body: bytes) -> str | None:
    try:
        value = json.loads(body)["caller"]["correlation_id"]
    except (ValueError, KeyError, TypeError):
        return None
    return value if isinstance(value, str) else None


def _outcome(reply: Any) -> str:
    if isinstance(reply, dict):
        if reply.get("ok"):
            return "ok"
        error = reply.get("error")
        if isinstance(error, dict):
            return str(error.get("kind", "internal"))
    return "internal"
