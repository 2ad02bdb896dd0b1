"""The gateway's edge against the running gateway (its own database on SQLite and on
PostgreSQL): a 100 MB body is answered before it is sent, sign-in guesses cannot be
raced, `X-Forwarded-For` counts only from a trusted proxy, and a crowd of report reads
is answered 200 or 429, never 503."""

from __future__ import annotations

import socket
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from support.accounts import add_users
from support.nats_server import NatsServer
from support.postgres import PostgresCluster
from support.system import ServiceProcess, System

PASSWORD = "ein-langes-Passwort-1"
LOGINS = ("tim", "uta", "ida")
PRODUCTION = {"AUSZUG_ENVIRONMENT": "production", "AUSZUG_GATEWAY_SECRET_KEY": "s" * 40}


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def edge(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[System]:
    """The gateway and reporting, with few slots per service: a crowd of reads finds out
    what happens when reporting cannot keep up."""
    workdir = tmp_path_factory.mktemp(f"edge-{request.param}")
    urls: dict[str, str] = {}
    if request.param == "postgres":
        cluster: PostgresCluster = request.getfixturevalue("pg_cluster")
        urls = {s: cluster.create_database(f"edge_{s}") for s in ("reporting", "gateway")}
    with NatsServer(workdir / "nats") as nats:
        system = System(workdir, nats, urls, services=("reporting", "gateway"))
        gateway = system["gateway"]
        gateway.env.update(
            AUSZUG_GATEWAY_RPC_MAX_IN_FLIGHT="4",
            AUSZUG_GATEWAY_RPC_SLOT_WAIT_SECONDS="0.5",
            AUSZUG_GATEWAY_LOGIN_CONCURRENT_CHECKS="8",
            AUSZUG_GATEWAY_LOGIN_QUEUE_SECONDS="20",
        )
        try:
            system.start()
            add_users(
                system, *((login, "caseworker", "koeln", "drk") for login in ("tim", "uta", "ida"))
            )
            yield system
        finally:
            system.stop()


def answer_to_partial_body(base_url: str, path: str, cookie: str = "") -> bytes:
    """Declare 100 MB, send 8 KB of it, read what the gateway answers meanwhile."""
    address = urlsplit(base_url)
    assert address.hostname is not None and address.port is not None
    with socket.create_connection((address.hostname, address.port), timeout=30) as conn:
        head = (
            f"POST {path} HTTP/1.1\r\nHost: {address.netloc}\r\n"
            "Content-Type: application/json\r\n"
            f"Content-Length: {100 * 1024 * 1024}\r\n{cookie}\r\n"
        )
        conn.sendall(head.encode() + b"[" + b"1," * 4096)
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = conn.recv(65536)
            assert chunk, f"closed without an answer: {answer!r}"
            answer += chunk
        return answer


def client_from(address: str, base_url: str) -> httpx.Client:
    """A client whose connections come from another loopback address (127.0.0.0/8)."""
    transport = httpx.HTTPTransport(local_address=address)
    return httpx.Client(base_url=base_url, transport=transport, timeout=60)


def test_a_100_mb_body_is_answered_before_it_is_sent(edge: System, tmp_path: Path) -> None:
    # In test mode a request without headers is the development coordinator: 413.
    answer = answer_to_partial_body(edge.gateway, "/api/households")
    assert answer.startswith(b"HTTP/1.1 413 "), answer
    assert b"content-type: application/json" in answer.lower()
    production = ServiceProcess("gateway", edge["gateway"].env, tmp_path)
    production.start(PRODUCTION)
    try:
        anonymous = answer_to_partial_body(production.base_url, "/api/households")
        assert anonymous.startswith(b"HTTP/1.1 401 "), anonymous
        cookie = "Cookie: auszug_session=nicht-mehr-gueltig\r\n"
        with_cookie = answer_to_partial_body(production.base_url, "/api/households", cookie)
        assert with_cookie.startswith(b"HTTP/1.1 413 "), with_cookie
        assert httpx.get(f"{production.base_url}/readyz").status_code == 200
    finally:
        production.stop()


def test_parallel_wrong_passwords_are_checked_at_most_five_times(edge: System) -> None:
    def wrong(n: int) -> int:
        body = {"login": "tim", "password": f"falsch-falsch-{n}"}
        return int(edge.http.post(f"{edge.gateway}/api/session", json=body).status_code)

    with ThreadPoolExecutor(max_workers=40) as pool:
        statuses = Counter(pool.map(wrong, range(40)))
    assert set(statuses) <= {401, 429} and statuses[401] + statuses[429] == 40
    assert 1 <= statuses[401] <= 5, statuses
    # The real user, elsewhere, is not locked out by the guesser.
    with client_from("127.0.0.2", edge.gateway) as elsewhere:
        right = elsewhere.post("/api/session", json={"login": "tim", "password": PASSWORD})
        assert right.status_code == 200, right.text
    guesser = edge.http.post(f"{edge.gateway}/api/session", json={"login": "tim", "password": "x"})
    assert guesser.status_code == 429 and int(guesser.headers["retry-after"]) > 0
    assert "Anmeldungen" in guesser.json()["error"]["message"]


def test_forwarded_for_counts_only_from_a_trusted_proxy(edge: System, tmp_path: Path) -> None:
    url = f"{edge.gateway}/api/session"

    def spoofed(n: int) -> int:
        body = {"login": f"niemand-{n}", "password": "falsch-falsch-1"}
        headers = {"x-forwarded-for": f"10.7.{n // 250}.{n % 250}"}
        return int(edge.http.post(url, json=body, headers=headers).status_code)

    # 30 failures from one address are free; another header on each does not make the
    # local peer 31 places (uvicorn's default trusted it from 127.0.0.1).
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(spoofed, range(31)))
    assert set(statuses) == {401, 429} and statuses[-1] == 429, statuses
    with client_from("127.0.0.4", edge.gateway) as elsewhere:
        ida = elsewhere.post("/api/session", json={"login": "ida", "password": PASSWORD})
        assert ida.status_code == 200

    proxied = ServiceProcess("gateway", edge["gateway"].env, tmp_path)
    proxied.start({"AUSZUG_GATEWAY_TRUSTED_PROXIES": "127.0.0.1"})
    try:
        behind = f"{proxied.base_url}/api/session"
        guess = {"login": "uta", "password": "falsch-falsch-1"}
        guesser = {"x-forwarded-for": "10.9.0.1"}
        statuses = [
            edge.http.post(behind, json=guess, headers=guesser).status_code for _ in range(6)
        ]
        assert statuses == [401] * 5 + [429]
        # Behind the proxy the user's own address counts, not the proxy's.
        right = {"login": "uta", "password": PASSWORD}
        user = {"x-forwarded-for": "10.9.0.2"}
        assert edge.http.post(behind, json=right, headers=user).status_code == 200
    finally:
        proxied.stop()


def test_a_crowd_of_report_reads_is_answered_200_or_429_never_503(edge: System) -> None:
    coordinator = {"x-auszug-role": "coordinator", "x-auszug-municipality": "koeln"}
    paths = [
        "/api/caseboard",
        "/api/reports/yearly/2025",
        "/api/reports/report.pdf?period_from=2025-01-01&period_to=2025-12-31",
    ]
    before = edge["gateway"].metrics().get('auszug_gateway_shed_total{service="reporting"}', 0.0)

    def read(n: int) -> httpx.Response:
        with httpx.Client(base_url=edge.gateway, timeout=60) as client:
            return client.get(paths[n % len(paths)], headers=coordinator)

    with ThreadPoolExecutor(max_workers=150) as pool:
        answers = list(pool.map(read, range(150)))
    statuses = Counter(a.status_code for a in answers)
    assert set(statuses) <= {200, 429}, statuses
    for refused in (a for a in answers if a.status_code == 429):
        assert int(refused.headers["retry-after"]) >= 1
        assert refused.json()["error"]["message"].startswith("Gerade sind sehr viele Anfragen")
    after = edge["gateway"].metrics().get('auszug_gateway_shed_total{service="reporting"}', 0.0)
    assert after - before == statuses[429]
