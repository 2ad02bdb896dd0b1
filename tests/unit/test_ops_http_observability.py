"""HTTP metrics by route template, the request log line and its correlation id, /readyz."""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID

import pytest
import structlog
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient
from prometheus_client import REGISTRY
from structlog.testing import capture_logs

from shared.http_metrics import HttpMetricsMiddleware
from shared.logging import RequestLogMiddleware
from shared.service import readiness_report


def make_app() -> FastAPI:
    app = FastAPI()

    @app.get("/api/things/{thing_id}")
    async def thing(thing_id: str, request: Request) -> dict[str, str]:
        return {"seen_correlation_id": request.headers["x-correlation-id"]}

    @app.get("/api/broken")
    async def broken() -> None:
        raise RuntimeError("boom")

    @app.get("/healthz")
    async def healthz() -> str:
        return "ok"

    app.add_middleware(HttpMetricsMiddleware)
    app.add_middleware(RequestLogMiddleware)
    return app


@pytest.fixture
def client() -> Iterator[TestClient]:
    with TestClient(make_app(), raise_server_exceptions=False) as client:
        yield client


def requests(method: str, route: str, status: int) -> float:
    labels = {"method": method, "route": route, "status": str(status)}
    return REGISTRY.get_sample_value("auszug_http_requests_total", labels) or 0.0


def observed(method: str, route: str) -> float:
    labels = {"method": method, "route": route}
    return REGISTRY.get_sample_value("auszug_http_request_duration_seconds_count", labels) or 0.0


def test_requests_are_counted_by_route_template_never_by_raw_path(client: TestClient) -> None:
    before = requests("GET", "/api/things/{thing_id}", 200)
    timed = observed("GET", "/api/things/{thing_id}")
    for thing_id in ("a", "b", "c"):
        assert client.get(f"/api/things/{thing_id}").status_code == 200
    assert requests("GET", "/api/things/{thing_id}", 200) == before + 3
    assert observed("GET", "/api/things/{thing_id}") == timed + 3
    assert (
        REGISTRY.get_sample_value(
            "auszug_http_requests_total",
            {"method": "GET", "route": "/api/things/a", "status": "200"},
        )
        is None
    )


def test_unknown_paths_share_one_label_and_a_wrong_method_keeps_its_route(
    client: TestClient,
) -> None:
    unmatched = requests("GET", "unmatched", 404)
    wrong_method = requests("DELETE", "/api/things/{thing_id}", 405)
    assert client.get("/no/such/1").status_code == 404
    assert client.get("/no/such/2").status_code == 404
    assert client.delete("/api/things/x").status_code == 405
    assert requests("GET", "unmatched", 404) == unmatched + 2
    assert requests("DELETE", "/api/things/{thing_id}", 405) == wrong_method + 1


def test_a_route_that_raises_is_counted_and_logged_as_a_500(client: TestClient) -> None:
    before = requests("GET", "/api/broken", 500)
    with capture_logs() as logs:
        assert client.get("/api/broken").status_code == 500
    assert requests("GET", "/api/broken", 500) == before + 1
    (line,) = [entry for entry in logs if entry["event"] == "http request"]
    assert line["status"] == 500
    assert line["log_level"] == "error"


def test_a_given_correlation_id_is_passed_on_logged_and_returned(client: TestClient) -> None:
    correlation_id = "0b6f3c1e-8f5c-4c51-9a55-2f0f7d4d5c11"
    with capture_logs() as logs, structlog.contextvars.bound_contextvars():
        response = client.get("/api/things/7", headers={"x-correlation-id": correlation_id})
    assert response.json() == {"seen_correlation_id": correlation_id}
    assert response.headers["x-correlation-id"] == correlation_id
    (line,) = [entry for entry in logs if entry["event"] == "http request"]
    assert line["route"] == "/api/things/{thing_id}"
    assert line["status"] == 200
    assert line["method"] == "GET"
    assert line["log_level"] == "info"
    assert "path" not in line and "client" not in line  # no ids from paths, no addresses


@pytest.mark.parametrize("given", [None, "not-a-uuid"])
def test_a_missing_or_malformed_correlation_id_is_replaced_by_a_fresh_one(
    client: TestClient, given: str | None
) -> None:
    headers = {"x-correlation-id": given} if given else {}
    response = client.get("/api/things/7", headers=headers)
    fresh = response.headers["x-correlation-id"]
    assert UUID(fresh)
    # The route (and so the caller sent on to the services) sees the same fresh id.
    assert response.json() == {"seen_correlation_id": fresh}


def test_probes_are_logged_at_debug_only(client: TestClient) -> None:
    with capture_logs() as logs:
        client.get("/healthz")
    assert [entry["log_level"] for entry in logs if entry["event"] == "http request"] == ["debug"]


def test_readiness_names_each_check_and_fails_when_one_fails() -> None:
    status, body = readiness_report("intake", {"database": True, "nats": False}, outbox_backlog=3)
    assert status == 503
    assert body == {
        "service": "intake",
        "ready": False,
        "checks": {"database": "ok", "nats": "fail"},
        "outbox_backlog": 3,
    }
    assert readiness_report("gateway", {"nats": True})[0] == 200
