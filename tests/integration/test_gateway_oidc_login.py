"""Staff sign in through the city's OpenID provider in the browser, against the running
gateway and a fake provider: the code flow with PKCE ends in the same server-side session
as a password, and every way it can go wrong ends on the sign-in page without one."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from support.bus import events_about
from support.fake_idp import FakeIdentityProvider
from support.nats_server import NatsServer
from support.postgres import PostgresCluster
from support.system import System, household

FLOW_COOKIE = "auszug_oidc"


@pytest.fixture(scope="module")
def idp() -> Iterator[FakeIdentityProvider]:
    provider = FakeIdentityProvider()
    yield provider
    assert provider.server is not None
    provider.server.shutdown()


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def city(
    request: pytest.FixtureRequest,
    idp: FakeIdentityProvider,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[System]:
    """Gateway and intake; the gateway signs staff in at the fake provider."""
    workdir = tmp_path_factory.mktemp(f"oidc-login-{request.param}")
    services = ("gateway", "intake")
    urls: dict[str, str] = {}
    if request.param == "postgres":
        cluster: PostgresCluster = request.getfixturevalue("pg_cluster")
        urls = {s: cluster.create_database(f"oidc_login_{s}") for s in services}
    with NatsServer(workdir / "nats") as server:
        system = System(workdir, server, urls, services=services)
        gateway = system["gateway"]
        gateway.env.update(idp.settings(f"{gateway.base_url}/ui/anmelden/oidc/rueckkehr"))
        try:
            system.start()
            yield system
        finally:
            system.stop()


@pytest.fixture
def browser(city: System, idp: FakeIdentityProvider) -> Iterator[httpx.Client]:
    idp.person = {"sub": "sub-0001", "login": "a.stadt", "role": "coordinator"}
    idp.id_token_claims = {}
    with httpx.Client(base_url=city.gateway, timeout=30) as client:
        yield client


def to_the_provider_and_back(browser: httpx.Client) -> str:
    """The address the provider sends the browser back to (with code and state)."""
    leaving = browser.get("/ui/anmelden/oidc")
    assert leaving.status_code == 303, leaving.text
    cookie = next(h for h in leaving.headers.get_list("set-cookie") if FLOW_COOKIE in h)
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Max-Age=600" in cookie
    back = browser.get(leaving.headers["location"])
    assert back.status_code == 302
    return back.headers["location"]


def refused(browser: httpx.Client, response: httpx.Response, reason: str) -> None:
    assert response.status_code == 401, response.text
    assert reason in response.text and 'action="/ui/anmelden"' in response.text
    assert "auszug_session" not in browser.cookies


def test_staff_sign_in_at_the_city_and_act_under_their_pseudonym(
    city: System, browser: httpx.Client
) -> None:
    assert 'href="/ui/anmelden/oidc"' in browser.get("/ui/anmelden").text
    landed = browser.get(to_the_provider_and_back(browser))
    assert (landed.status_code, landed.headers["location"]) == (303, "/ui/start")
    assert FLOW_COOKIE not in browser.cookies
    assert "a.stadt" in browser.get("/ui/haushalte/neu").text

    browser.headers["x-csrf-token"] = browser.cookies["auszug_csrf"]
    me = browser.get("/api/session").json()
    assert me["user_id"].startswith("oidc:") and "sub-0001" not in me["user_id"]
    assert (me["login"], me["role"], me["municipality"]) == ("a.stadt", "coordinator", "koeln")
    created = browser.post("/api/households", json=household())
    assert created.status_code == 201, created.text
    household_id = created.json()["household_id"]
    assert {e.actor for e in events_about(city.nats.url, household_id)} == {me["user_id"]}


def test_a_sign_in_that_goes_wrong_ends_on_the_sign_in_page_without_a_session(
    city: System, idp: FakeIdentityProvider, browser: httpx.Client
) -> None:
    back = to_the_provider_and_back(browser)
    forged = back.replace("state=", "state=x")
    refused(browser, browser.get(forged), "nicht hier begonnen")

    back = to_the_provider_and_back(browser)
    flow = browser.cookies[FLOW_COOKIE]
    assert browser.get(back).status_code == 303
    with httpx.Client(base_url=city.gateway, timeout=30) as thief:
        thief.cookies.set(FLOW_COOKIE, flow, path="/ui/anmelden/oidc")
        refused(thief, thief.get(back), "abgelaufen oder ungültig")

    for claims, reason in [
        ({"aud": "anderer-dienst"}, "nicht für Auszug ausgestellt"),
        ({"nonce": "eine-andere-anmeldung"}, "gehört nicht zu dieser Anmeldung"),
    ]:
        browser.cookies.clear()
        idp.id_token_claims = claims
        refused(browser, browser.get(to_the_provider_and_back(browser)), reason)


def test_signing_out_ends_the_session_at_the_provider_too(
    city: System, idp: FakeIdentityProvider, browser: httpx.Client
) -> None:
    browser.get(to_the_provider_and_back(browser))
    session = browser.cookies["auszug_session"]
    out = browser.post("/ui/abmelden", data={"csrf_token": browser.cookies["auszug_csrf"]})
    assert out.status_code == 303
    logout = urlsplit(out.headers["location"])
    assert (
        f"{logout.scheme}://{logout.netloc}{logout.path}" == idp.discovery()["end_session_endpoint"]
    )
    query = parse_qs(logout.query)
    assert query["post_logout_redirect_uri"] == [f"{city.gateway}/ui/anmelden"]
    assert query["id_token_hint"][0].count(".") == 2
    # The copied cookie is dead at once.
    with httpx.Client(base_url=city.gateway, timeout=30) as copy:
        copy.cookies.set("auszug_session", session)
        assert copy.get("/api/session").status_code == 401
