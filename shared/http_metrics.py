"""HTTP request metrics of the gateway, labelled by route template.

`/api/households/{household_id}` is one series however many households there are: a
label holding the raw path would create a series per id, which grows Prometheus
without bound and puts ids where dashboards are shown. Paths that match no route
share the one label value `unmatched`.

A pure ASGI middleware rather than a library: prometheus-fastapi-instrumentator
would name the metrics `http_requests_total` and `http_request_duration_seconds`
with `handler` instead of `route`; keeping our `auszug_` names and labels would mean
configuring away most of what it does.
"""

from __future__ import annotations

import time
from typing import Any

from fastapi.routing import iter_route_contexts
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared import metrics

UNMATCHED = "unmatched"


def route_template(scope: Scope) -> str:
    """The path template of the route that served (or would serve) this request."""
    route = scope.get("route")
    full = _full_paths(scope.get("app")).get(id(route)) if route is not None else None
    if full is not None:
        return full
    path = getattr(route, "path", None)
    if isinstance(path, str):
        return path
    # Mounted apps (`/metrics`) and method mismatches (405) leave no `route` in the
    # scope; ask the router which route the path belongs to.
    app: Any = scope.get("app")
    router = getattr(app, "router", None)
    for candidate in getattr(router, "routes", ()):
        match, _ = candidate.matches(scope)
        if match is not Match.NONE:
            template = getattr(candidate, "path", None)
            if isinstance(template, str):
                return template or "/"
    return UNMATCHED


def _full_paths(app: Any) -> dict[int, str]:
    """Route object → its whole path template, for every route of a FastAPI app.

    A route of a router included into another router carries only its own part of the
    path (`/vermieter/neu`, not `/ui/wohnungen/vermieter/neu`); the app's flattened
    route table knows the whole template, which the gateway's policy needs.
    """
    state = getattr(app, "state", None)
    routes = getattr(app, "routes", None)
    if state is None or routes is None:
        return {}
    paths: dict[int, str] | None = getattr(state, "route_templates", None)
    if paths is None:
        paths = {
            id(context.original_route): context.path
            for context in iter_route_contexts(routes)
            if isinstance(context.path, str)
        }
        state.route_templates = paths
    return paths


class HttpMetricsMiddleware:
    """Counts every HTTP request and times it, by method, route template and status."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # what the client gets when the app raises before answering

        async def send_and_note_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_and_note_status)
        finally:
            method = scope["method"]
            route = route_template(scope)
            metrics.HTTP_REQUESTS.labels(method, route, str(status)).inc()
            metrics.HTTP_DURATION.labels(method, route).observe(time.perf_counter() - started)
