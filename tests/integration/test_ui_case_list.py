"""The case list, "Meine Fälle" and who is responsible, against the running system with
real accounts signed in: the caseworker who registers a household is responsible for it;
a colleague is made responsible by name on the household's page; "Meine Fälle" lists
exactly one's own cases; another provider's caseworker neither sees nor assigns them; the
list comes in pages of 50; each role lands on its start page; a refusal keeps the
navigation."""

from __future__ import annotations

import re
from datetime import timedelta

import httpx

from shared.clock import today
from support.accounts import add_users, signed_in
from support.system import System, household, wait_until

T = today()
REGISTRATION = {
    "provider": "caritas",
    "registered_on": (T - timedelta(days=30)).isoformat(),
    "accommodation.kind": "shelter",
    "members.0.role": "head",
    "members.0.age_band": "27-64",
    "members.0.given_name": "Amal",
    "members.0.family_name": "Haddad",
}
HOUSEHOLD_LINK = re.compile(r'href="/ui/haushalte/([0-9a-f-]{36})"')


def post_form(client: httpx.Client, path: str, form: dict[str, str]) -> httpx.Response:
    token = client.cookies["auszug_csrf"]
    return client.post(path, data={"csrf_token": token, **form}, follow_redirects=False)


def listed(client: httpx.Client, path: str = "/ui") -> list[str]:
    page = client.get(path)
    assert page.status_code == 200, page.text
    return HOUSEHOLD_LINK.findall(page.text)


def caseboard(system: System, **params: str) -> dict[str, object]:
    answer = httpx.get(f"{system.gateway}/api/caseboard", params=params, timeout=30)
    assert answer.status_code == 200, answer.text
    result: dict[str, object] = answer.json()
    return result


def responsible_of(system: System, household_id: str) -> str | None:
    """The pseudonym reporting's caseboard shows as responsible (None: nobody yet)."""
    board = caseboard(system, per_page="200")
    cases = board["cases"]
    assert isinstance(cases, list)
    return next((c["caseworker"] for c in cases if c["household_id"] == household_id), "")


def test_responsible_caseworker_and_my_cases(system: System) -> None:
    add_users(
        system,
        ("anna", "caseworker", "koeln", "caritas"),
        ("tim", "caseworker", "koeln", "caritas"),
        ("dirk", "caseworker", "koeln", "drk"),
    )
    anna, tim, dirk = (signed_in(system, login) for login in ("anna", "tim", "dirk"))
    anna_id = anna.get("/api/session").json()["user_id"]
    tim_id = tim.get("/api/session").json()["user_id"]
    dirk_id = dirk.get("/api/session").json()["user_id"]

    # Two registered by Anna (hers from the start), one by the coordination (nobody's).
    own = []
    for _ in range(2):
        answer = post_form(anna, "/ui/haushalte/neu", REGISTRATION)
        assert answer.status_code == 303, answer.text
        own.append(answer.headers["location"].rsplit("/", 1)[1])
    other = system.register(household(registered_on=(T - timedelta(days=9)).isoformat()))
    third = other.json()["household_id"]
    wait_until(
        lambda: (
            all(responsible_of(system, h) == anna_id for h in own)
            and responsible_of(system, third) is None
        ),
        timeout=60,
        what="the three cases on the caseboard, two of them Anna's",
    )
    assert sorted(listed(anna)) == sorted(own)
    assert "<h1>Meine Fälle</h1>" in anna.get("/ui").text
    assert sorted(listed(anna, "/ui?responsible=alle")) == sorted([*own, third])

    # Anna makes Tim responsible for the third, choosing him by name.
    page = anna.get(f"/ui/haushalte/{third}").text
    assert f'<option value="{tim_id}">tim</option>' in page
    assert f'value="{dirk_id}"' not in page  # another provider's caseworker is no choice
    done = post_form(anna, f"/ui/haushalte/{third}/zustaendig", {"caseworker": tim_id})
    assert done.status_code == 303 and "hinweis=zustaendig" in done.headers["location"]
    assert "Die Zuständigkeit ist gespeichert." in anna.get(done.headers["location"]).text
    wait_until(lambda: responsible_of(system, third) == tim_id, timeout=60, what="Tim's case")
    assert listed(tim) == [third]
    assert sorted(listed(anna)) == sorted(own)
    shown = anna.get("/ui?responsible=alle").text
    assert ">tim</td>" in shown and ">anna</td>" in shown and tim_id not in shown

    # Another provider's caseworker sees none of it and cannot assign, not even himself.
    assert listed(dirk, "/ui?responsible=alle") == []
    refused = post_form(dirk, f"/ui/haushalte/{own[0]}/zustaendig", {"caseworker": dirk_id})
    assert refused.status_code == 404
    # Nor can Anna give her case to him: he is no caseworker of Caritas.
    wrong = post_form(anna, f"/ui/haushalte/{own[0]}/zustaendig", {"caseworker": dirk_id})
    assert wrong.status_code == 422
    assert "Bitte eine Fachkraft des Trägers aus der Liste wählen." in wrong.text
    assert responsible_of(system, own[0]) == anna_id

    # The API takes a login: Anna takes the third case back.
    taken = anna.post(f"/api/households/{third}/caseworker", json={"login": "anna"})
    assert taken.status_code == 200, taken.text
    refused_login = anna.post(f"/api/households/{third}/caseworker", json={"login": "dirk"})
    assert refused_login.status_code == 422
    assert refused_login.json()["error"]["fields"][0]["field"] == "login"
    wait_until(lambda: responsible_of(system, third) == anna_id, timeout=60, what="Anna's again")
    assert listed(tim) == []


def test_the_list_in_pages_and_every_roles_start(system: System) -> None:
    for n in range(55):
        day = (T - timedelta(days=100 + n)).isoformat()
        assert system.register(household(registered_on=day)).status_code == 201
    wait_until(
        lambda: caseboard(system)["page"] == {"page": 1, "per_page": 50, "total": 55},
        timeout=90,
        what="55 cases on the caseboard",
    )
    coordination = httpx.Client(base_url=system.gateway, timeout=30)
    first, second = listed(coordination), listed(coordination, "/ui?page=2")
    assert (len(first), len(second)) == (50, 5)
    assert not set(first) & set(second)
    # Longest waiting first: the last page holds the most recently registered.
    newest = caseboard(system, sort="registered", descending="true", per_page="5")["cases"]
    assert isinstance(newest, list)
    assert sorted(second) == sorted(c["household_id"] for c in newest)
    assert "51–55 von 55" in coordination.get("/ui?page=2").text

    for role, start in (
        ("volunteer", "/ui/tandems"),
        ("housing_office", "/ui/heute"),
        ("analyst", "/ui/bericht"),
    ):
        answer = coordination.get("/ui", headers={"x-auszug-role": role})
        assert (answer.status_code, answer.headers["location"]) == (303, start)
    refused = coordination.get(
        "/ui/wohnungen", headers={"x-auszug-role": "volunteer", "x-auszug-provider": "caritas"}
    )
    assert refused.status_code == 403
    assert 'href="/ui/tandems">Meine Tandems' in refused.text
    assert 'action="/ui/abmelden"' in refused.text
    assert '<a href="/ui/tandems">Zur Übersicht</a>' in refused.text
