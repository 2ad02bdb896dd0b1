"""The gateway's edge (edge.py): oversized bodies and anonymous callers are refused before
anything reads the body. The app is called as the server would call it, with a `receive`
that notes whether the body was asked for."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.types import Message

from services.gateway.adapters import MIGRATIONS
from services.gateway.app import create_app
from services.gateway.settings import GatewaySettings
from shared.migrations import upgrade
from support.ui_app import FakeRpc

MIB = 1024 * 1024


def gateway(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rpc: FakeRpc, **env: str) -> FastAPI:
    monkeypatch.setenv("AUSZUG_VAR_DIR", str(tmp_path))
    for name in ("AUSZUG_ENVIRONMENT", "AUSZUG_GATEWAY_SECRET_KEY", "AUSZUG_GATEWAY_BODY_LIMITS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings = GatewaySettings()
    upgrade(MIGRATIONS, settings.gateway_database)
    app = create_app(settings)
    app.state.rpc = rpc
    return app


@dataclass
class Exchange:
    """One request through the ASGI app: what it asked for and what it answered."""

    chunks: list[bytes]
    reads: int = 0
    status: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""

    async def receive(self) -> Message:
        self.reads += 1
        if self.chunks:
            chunk = self.chunks.pop(0)
            return {"type": "http.request", "body": chunk, "more_body": bool(self.chunks)}
        return {"type": "http.disconnect"}

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
            self.headers = {k.decode(): v.decode() for k, v in message["headers"]}
        elif message["type"] == "http.response.body":
            self.body += message.get("body", b"")

    def json(self) -> Any:
        return json.loads(self.body)


async def send_request(
    app: FastAPI, path: str, chunks: list[bytes], headers: dict[str, str]
) -> Exchange:
    exchange = Exchange(chunks=list(chunks))
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("10.0.0.1", 40000),
        "server": ("127.0.0.1", 8000),
    }
    await app(scope, exchange.receive, exchange.send)
    return exchange


@pytest.fixture
def rpc() -> FakeRpc:
    return FakeRpc(default={})


@pytest.fixture
def production(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rpc: FakeRpc) -> FastAPI:
    return gateway(
        tmp_path,
        monkeypatch,
        rpc,
        AUSZUG_ENVIRONMENT="production",
        AUSZUG_GATEWAY_SECRET_KEY="s" * 40,
    )


@pytest.fixture
def development(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rpc: FakeRpc) -> FastAPI:
    return gateway(
        tmp_path,
        monkeypatch,
        rpc,
        AUSZUG_GATEWAY_BODY_LIMITS=json.dumps({"/api/inquiries": 3 * MIB}),
    )


async def test_an_anonymous_body_is_refused_with_401_without_being_read(
    production: FastAPI, rpc: FakeRpc
) -> None:
    headers = {"content-type": "application/json", "content-length": str(100 * MIB)}
    answer = await send_request(production, "/api/households", [b"[" * 4096], headers)
    assert (answer.status, answer.reads) == (401, 0)
    assert answer.json()["error"]["message"] == "Anmeldung erforderlich."
    assert answer.headers["www-authenticate"] == "Cookie"
    assert "content-security-policy" in answer.headers, "still an answer of the gateway"
    page = await send_request(production, "/ui/haushalte", [b"x"], {"content-length": "1"})
    assert (page.status, page.headers["location"], page.reads) == (303, "/ui/anmelden", 0)
    assert rpc.calls == []


async def test_an_oversized_declared_body_is_refused_with_413_without_being_read(
    production: FastAPI, development: FastAPI
) -> None:
    big = {"content-type": "application/json", "content-length": str(100 * MIB)}
    # Sign-in is public: its body is limited all the same.
    answer = await send_request(production, "/api/session", [b"{"], big)
    assert (answer.status, answer.reads) == (413, 0)
    error = answer.json()["error"]
    assert error["kind"] == "too_large"
    assert error["message"] == "Die Anfrage ist zu groß: höchstens 1 MB sind möglich."
    signed_in = {**big, "cookie": "auszug_session=irgendeins"}
    answer = await send_request(production, "/api/households", [b"{"], signed_in)
    assert (answer.status, answer.reads) == (413, 0)
    page = await send_request(
        development, "/ui/haushalte", [b"x"], {"content-length": str(MIB + 1)}
    )
    assert (page.status, page.reads) == (413, 0)
    assert "Die Anfrage ist zu groß" in page.body.decode()


async def test_a_streamed_body_stops_at_the_limit(development: FastAPI, rpc: FakeRpc) -> None:
    chunks = [b" " * 64 * 1024] * 100
    answer = await send_request(
        development, "/api/households", chunks, {"content-type": "application/json"}
    )
    assert answer.status == 413
    assert answer.json()["error"]["message"].startswith("Die Anfrage ist zu groß")
    assert answer.reads == 17, "16 chunks make 1 MiB: the 17th passes it, no 18th is read"
    assert rpc.calls == []


def test_a_route_prefix_can_have_its_own_limit(development: FastAPI) -> None:
    client = TestClient(development)
    body = b'{"note": "' + b"x" * (2 * MIB) + b'"}'
    headers = {"content-type": "application/json"}
    assert client.post("/api/inquiries", content=body, headers=headers).status_code == 422
    assert client.post("/api/households", content=body, headers=headers).status_code == 413


def test_public_routes_and_signed_in_callers_pass(production: FastAPI) -> None:
    client = TestClient(production)
    assert client.get("/healthz").status_code == 200
    assert client.get("/openapi.json").status_code == 200
    assert client.get("/ui/anmelden").status_code == 200
    wrong = client.post("/api/session", json={"login": "niemand", "password": "x" * 12})
    assert wrong.status_code == 401
    assert wrong.json()["error"]["message"] == "Anmeldename oder Passwort ist falsch."
    # A cookie is a credential here; whether its session is alive is decided as before.
    client.cookies.set("auszug_session", "abgelaufen")
    assert client.get("/api/session").status_code == 401
