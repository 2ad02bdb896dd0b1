"""Sign-in, sessions, CSRF, throttling, security headers and the access log, against the
running system (the gateway's own database on SQLite and on PostgreSQL)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from support.accounts import PASSWORD, add_users, signed_in
from support.nats_server import NatsServer
from support.postgres import PostgresCluster
from support.system import DATABASE_SERVICES, ServiceProcess, System, household


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def gw(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[System]:
    """One system for the module; the gateway's users live in its own database."""
    workdir = tmp_path_factory.mktemp(f"gw-{request.param}")
    urls: dict[str, str] = {}
    if request.param == "postgres":
        cluster: PostgresCluster = request.getfixturevalue("pg_cluster")
        urls = {s: cluster.create_database(f"gwauth_{s}") for s in (*DATABASE_SERVICES, "gateway")}
    with NatsServer(workdir / "nats") as nats:
        system = System(workdir, nats, urls)
        try:
            system.start()
            add_users(
                system,
                ("anna", "caseworker", "koeln", "caritas"),
                ("dirk", "caseworker", "koeln", "drk"),
                ("kora", "coordinator", "koeln", None),
                ("bea", "coordinator", "bergisch-gladbach", None),
                ("ali", "analyst", "koeln", None),
                ("tim", "caseworker", "koeln", "caritas"),
            )
            yield system
        finally:
            system.stop()


def test_a_session_decides_who_calls_and_changes_need_the_csrf_token(gw: System) -> None:
    response = gw.http.post(
        f"{gw.gateway}/api/session", json={"login": "anna", "password": PASSWORD}
    )
    cookie = next(h for h in response.headers.get_list("set-cookie") if "auszug_session" in h)
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    anna = signed_in(gw, "anna")
    # The session wins over development headers that claim more.
    me = anna.get("/api/session", headers={"x-auszug-role": "coordinator"}).json()
    # Events carry the account's pseudonymous id, never the login (a login is often a name).
    assert me.pop("user_id") != "anna"
    assert me == {
        "login": "anna",
        "role": "caseworker",
        "municipality": "koeln",
        "provider": "caritas",
    }
    without_token = anna.post(
        "/api/households", json=household(), headers={"x-csrf-token": "x" * 30}
    )
    assert without_token.status_code == 403
    created = anna.post("/api/households", json=household())
    assert created.status_code == 201, created.text
    household_id = created.json()["household_id"]
    assert signed_in(gw, "dirk").get(f"/api/households/{household_id}").status_code == 404
    assert signed_in(gw, "kora").get(f"/api/households/{household_id}").status_code == 200
    assert signed_in(gw, "ali").get(f"/api/households/{household_id}").status_code == 403

    token = anna.cookies["auszug_session"]
    assert anna.delete("/api/session").status_code == 204
    copy = httpx.Client(base_url=gw.gateway, cookies={"auszug_session": token})
    assert copy.get("/api/session").status_code == 401


def test_wrong_passwords_are_throttled_per_login(gw: System) -> None:
    url = f"{gw.gateway}/api/session"
    statuses = [
        gw.http.post(url, json={"login": "tim", "password": "falsch-falsch-1"}).status_code
        for _ in range(6)
    ]
    assert statuses == [401] * 5 + [429]
    # Now even the right password waits: a guesser learns nothing from the answer.
    right = gw.http.post(url, json={"login": "tim", "password": PASSWORD})
    assert right.status_code == 429 and int(right.headers["retry-after"]) > 0
    assert "Anmeldungen" in right.json()["error"]["message"]


def test_every_read_of_a_household_is_logged_for_the_coordinator(gw: System) -> None:
    anna, kora = signed_in(gw, "anna"), signed_in(gw, "kora")
    household_id = anna.post("/api/households", json=household()).json()["household_id"]
    assert anna.get(f"/api/households/{household_id}").status_code == 200
    assert kora.get(f"/ui/haushalte/{household_id}").status_code == 200
    log = kora.get(f"/api/households/{household_id}/access-log").json()["entries"]
    assert [(e["user_id"], e["route"]) for e in log] == [
        ("kora", "/ui/haushalte/{household_id}"),
        ("anna", "/api/households/{household_id}"),
    ]
    assert anna.get(f"/api/households/{household_id}/access-log").status_code == 403
    other_city = signed_in(gw, "bea").get(f"/api/households/{household_id}/access-log")
    assert other_city.json()["entries"] == []


def test_pages_carry_security_headers(gw: System) -> None:
    for path in ("/ui/anmelden", "/api/session"):
        headers = gw.http.get(f"{gw.gateway}{path}").headers
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"


def test_the_register_form_keeps_what_was_typed_and_names_the_field(gw: System) -> None:
    browser = httpx.Client(base_url=gw.gateway, timeout=30)
    page = browser.get("/ui/anmelden").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token
    wrong = browser.post(
        "/ui/anmelden", data={"login": "anna", "password": "x", "csrf_token": token[1]}
    )
    assert wrong.status_code == 401 and 'value="anna"' in wrong.text
    ok = browser.post(
        "/ui/anmelden", data={"login": "anna", "password": PASSWORD, "csrf_token": token[1]}
    )
    assert ok.status_code == 303
    csrf = browser.cookies["auszug_csrf"]
    form = {
        "csrf_token": csrf,
        "provider": "caritas",
        "registered_on": "2025-03-04",
        "accommodation.kind": "shelter",
        "members.0.role": "head",
        "members.0.age_band": "27-64",
        "members.0.given_name": "Amal",
        "contact.phone": "keine Nummer",
    }
    invalid = browser.post("/ui/haushalte/neu", data=form)
    assert invalid.status_code == 422
    assert 'value="Amal"' in invalid.text and 'value="keine Nummer"' in invalid.text
    assert 'id="fehler-contact.phone"' in invalid.text
    no_token = browser.post("/ui/haushalte/neu", data={**form, "csrf_token": "y" * 40})
    assert no_token.status_code == 403
    created = browser.post("/ui/haushalte/neu", data={**form, "contact.phone": "0221 123456"})
    assert created.status_code == 303
    detail = browser.get(created.headers["location"])
    assert "Aufgenommen beim Träger Caritas Köln" in detail.text and "Amal" in detail.text


def test_production_takes_no_identity_from_headers(gw: System, tmp_path: Path) -> None:
    production = ServiceProcess("gateway", gw["gateway"].env, tmp_path)
    production.start({"AUSZUG_ENVIRONMENT": "production", "AUSZUG_GATEWAY_SECRET_KEY": "s" * 40})
    try:
        url = production.base_url
        headers = {"x-auszug-role": "coordinator"}
        assert httpx.get(f"{url}/api/reports/yearly/2025", headers=headers).status_code == 401
        assert httpx.get(f"{url}/ui", follow_redirects=False).headers["location"] == "/ui/anmelden"
        assert "max-age" in httpx.get(f"{url}/healthz").headers["strict-transport-security"]
    finally:
        production.stop()
