"""The permission matrix: every route of the gateway × every role × two providers × two
municipalities, each answered with exactly the status `permission_matrix.EXPECTED` says.

The routes come from the app's own route table, so a new endpoint without a row in the
table fails here. The world it runs in: one household of Caritas in Köln (the variant
`caritas@koeln` is its own provider and municipality); every other id is unknown.
Commands are sent with an empty body: a role the gateway keeps out gets 403 before the
body is looked at, a role it lets through gets 422 (or the service's answer). A form of
the staff UI is posted as a browser posts it, with the CSRF token in a field and in its
cookie, so its row states what the page answers the role, not what the CSRF check does;
an API command brings no cookie (headers identify the caller: no session, no CSRF).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar, DefaultCookiePolicy
from pathlib import Path

import httpx
import pytest
from fastapi.routing import iter_route_contexts
from permission_matrix import EXPECTED, PUBLIC, VARIANTS, expected_status

from services.gateway.app import create_app
from services.gateway.auth.csrf import CSRF_COOKIE, CSRF_FIELD
from services.gateway.policy import ANALYST_TEMPLATES
from shared.identity import Role
from support.nats_server import NatsServer
from support.system import ServiceProcess, System, household, wait_until

UNKNOWN = "00000000-0000-4000-8000-000000000000"
CSRF_TOKEN = "matrix-csrf-token-" + "x" * 26


def route_table() -> list[tuple[str, str]]:
    """(method, template) of every route the gateway serves."""
    routes = []
    for route in iter_route_contexts(create_app().routes):
        methods = sorted(set(route.methods or {"GET"}) - {"HEAD"})
        routes += [(method, str(route.path)) for method in methods]
    return routes


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[System, str]]:
    workdir = tmp_path_factory.mktemp("matrix")
    with NatsServer(workdir / "nats") as nats:
        system = System(workdir, nats)
        try:
            system.start()
            created = system.register(household(provider="caritas"))
            assert created.status_code == 201, created.text
            household_id = created.json()["household_id"]
            # The lists below must be able to show it, or "not listed" would prove nothing.
            wait_until(
                lambda: household_id in system.http.get(f"{system.gateway}/api/caseboard").text,
                what="the household on the coordinator's caseboard",
            )
            yield system, household_id
        finally:
            system.stop()


# Whatever a route's query needs (reports: a period or a day); other routes ignore them.
QUERY = "?period_from=2025-01-01&period_to=2025-12-31&on=2025-12-31&as_known_on=2026-01-15"


def url_of(template: str, household_id: str) -> str:
    path = template.replace("{household_id}", household_id).replace("{year}", "2025")
    # A UI form's decision is a word of the page, not an id: ask for a real one.
    path = path.replace("{decision}", "verknuepfen")
    path = path.replace("{key}", "households_registered")
    return "/".join(UNKNOWN if p.startswith("{") else p for p in path.split("/")) + QUERY


def identity(role: Role, variant: str) -> dict[str, str]:
    provider, municipality = variant.split("@")
    return {
        "x-auszug-user": f"{role.value}-{provider}",
        "x-auszug-role": role.value,
        "x-auszug-municipality": municipality,
        "x-auszug-provider": provider,
    }


Call = tuple[str, str, Role, str]


def client_without_cookies(base_url: str) -> httpx.Client:
    """A client that keeps no cookie a page sets: each request brings only its own."""
    jar = CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))
    return httpx.Client(base_url=base_url, timeout=30, follow_redirects=False, cookies=jar)


def send(
    client: httpx.Client, method: str, template: str, url: str, headers: dict[str, str]
) -> httpx.Response:
    """The request a caller's browser (a UI form) or program (the API) makes: a UI form
    post carries the CSRF token in its field and cookie, a command an empty JSON body."""
    if method == "GET":
        return client.request(method, url, headers=headers)
    if template.startswith("/ui/"):
        cookie = {"cookie": f"{CSRF_COOKIE}={CSRF_TOKEN}"}
        form = {CSRF_FIELD: CSRF_TOKEN}
        return client.request(method, url, headers=headers | cookie, data=form)
    response = client.request(method, url, headers=headers, json={})
    assert "cookie" not in response.request.headers, f"{method} {template} sent a cookie"
    return response


def sees_foreign_household(role: Role, variant: str) -> bool:
    """Callers who must never find the Caritas household of Köln in any list."""
    foreign = variant != "caritas@koeln" and (role is Role.caseworker or "koeln" not in variant)
    return foreign or role in (Role.analyst, Role.volunteer, Role.housing_office)


def observe(system: System, household_id: str) -> tuple[dict[Call, int], list[Call]]:
    """The status of every (method, template, role, variant), reads first; and the reads
    that showed the household to someone who must not see it."""
    client = client_without_cookies(system.gateway)
    calls = [
        (method, template, role, variant)
        for method, template in sorted(route_table(), key=lambda r: (r[0] != "GET", r))
        if f"{method} {template}" not in PUBLIC
        for role in Role
        for variant in VARIANTS
    ]

    leaks: list[Call] = []

    def call(key: Call) -> int:
        method, template, role, variant = key
        url = url_of(template, household_id)
        response = send(client, method, template, url, identity(role, variant))
        # 503 decides nothing about access: a service was busy (a PDF report renders for
        # a second on a loaded machine while seven more wait); ask again.
        for _retry in range(10):
            if response.status_code != 503:
                break
            threading.Event().wait(1)
            response = send(client, method, template, url, identity(role, variant))
        # A route with the id in its path may echo it; any other answer must not name it.
        listed = "{household_id}" not in template and household_id in response.text
        if method == "GET" and listed and sees_foreign_household(role, variant):
            leaks.append(key)
        return response.status_code

    # Reads in parallel; commands one after another so their order (and answers) is fixed.
    reads = [c for c in calls if c[0] == "GET"]
    with ThreadPoolExecutor(8) as pool:
        statuses = dict(zip(reads, pool.map(call, reads), strict=True))
    statuses.update({c: call(c) for c in calls if c[0] != "GET"})
    return statuses, leaks


def test_every_route_answers_every_caller_as_the_matrix_says(world: tuple[System, str]) -> None:
    system, household_id = world
    routes = {f"{m} {t}" for m, t in route_table()}
    assert not routes - set(EXPECTED) - PUBLIC, "routes without a row in permission_matrix.py"
    assert not (set(EXPECTED) | PUBLIC) - routes, "rows for routes that no longer exist"
    observed, leaks = observe(system, household_id)
    assert not leaks, f"the household listed to callers who must not see it: {leaks}"
    wrong = [
        f"{method} {template} {role.value} {variant}: {status}, "
        f"expected {expected_status(f'{method} {template}', role, variant)}"
        for (method, template, role, variant), status in observed.items()
        if status != expected_status(f"{method} {template}", role, variant)
    ]
    assert not wrong, "\n".join(wrong)


def test_analysts_and_other_providers_never_see_a_case(world: tuple[System, str]) -> None:
    """Rules the table must keep whatever it says: stated here so an edit cannot drop them."""
    for key, by_role in EXPECTED.items():
        template = key.split(" ", 1)[1]
        for variant in VARIANTS:
            analyst = expected_status(key, Role.analyst, variant)
            # Besides figures an analyst learns only who they are (and is sent on to figures):
            # the session, „Mein Konto“ (their own login, role and address) and their own
            # password.
            who = {"/api/session", "/ui/konto", "/ui/passwort"}
            assert analyst >= 300 or template in ANALYST_TEMPLATES | who, key
            other = expected_status(key, Role.caseworker, "drk@koeln")
            if "{household_id}" in template and key.startswith("GET"):
                assert other in (403, 404), key
            # A form for another provider's household is never taken.
            if "{household_id}" in template and key.startswith("POST /ui/"):
                assert other >= 400, key
        assert all(s < 500 for s in by_role.values() if isinstance(s, int)), key


def test_in_production_every_route_but_sign_in_wants_a_session(
    world: tuple[System, str], tmp_path: Path
) -> None:
    system, household_id = world
    production = ServiceProcess("gateway", system["gateway"].env, tmp_path)
    production.start({"AUSZUG_ENVIRONMENT": "production", "AUSZUG_GATEWAY_SECRET_KEY": "s" * 40})
    try:
        client = client_without_cookies(production.base_url)
        headers = identity(Role.coordinator, "caritas@koeln")
        for method, template in route_table():
            if f"{method} {template}" in PUBLIC:
                continue
            # A form with a valid CSRF token too: only the missing session sends it away.
            response = send(client, method, template, url_of(template, household_id), headers)
            expected = 303 if template.startswith("/ui") else 401
            assert response.status_code == expected, f"{method} {template}"
            if expected == 303:
                assert response.headers["location"] == "/ui/anmelden", f"{method} {template}"
    finally:
        production.stop()


def test_a_calendar_feed_opens_by_its_token_alone(world: tuple[System, str]) -> None:
    """The feed route is in PUBLIC (its secret URL is the credential): no identity of the
    matrix, and no caller at all, opens an unknown token's feed; each gets a bare 404."""
    system, _ = world
    client = client_without_cookies(system.gateway)
    url = f"/kalender/{UNKNOWN}.ics"
    answers: dict[tuple[Role | None, str], httpx.Response] = {
        (role, variant): client.get(url, headers=identity(role, variant))
        for role in Role
        for variant in VARIANTS
    }
    answers[(None, "")] = client.get(url)
    assert {r.status_code for r in answers.values()} == {404}
    assert {r.content for r in answers.values()} == {b""}
