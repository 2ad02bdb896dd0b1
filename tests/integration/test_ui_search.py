"""Finding a household through the running gateway (both backends): by the beginning of a
name without accents, by phone in any notation, by birth date, by short id; scoped like
the household page (another provider's caseworker and a restricted household get the same
answer as a name nobody has); titles in the API and on the search page; a short id that
names one household opens it."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx

from support.system import System

COORDINATION = {"x-auszug-role": "coordinator", "x-auszug-user": "k-1"}
CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas", "x-auszug-user": "w-1"}
DRK = {"x-auszug-role": "caseworker", "x-auszug-provider": "drk", "x-auszug-user": "w-2"}
ADMIN = {"x-auszug-role": "admin", "x-auszug-user": "a-1"}


def member(role: str, given: str, family: str, born: str | None = None) -> dict[str, Any]:
    return {
        "role": role,
        "age_band": "27-64" if role != "child" else "6-17",
        "given_name": given,
        "family_name": family,
        **({"birth_date": born} if born else {}),
    }


ÖZTÜRK = {
    "provider": "caritas",
    "registered_on": "2025-03-01",
    "accommodation": {"kind": "shelter"},
    "members": [
        member("head", "Ayşe", "Öztürk", "1984-07-09"),
        member("partner", "Mehmet", "Öztürk"),
        member("child", "Emre", "Öztürk"),
    ],
    "contact": {"phone": "+49 221 1234567"},
}
HADDAD = {
    "provider": "drk",
    "registered_on": "2025-04-01",
    "accommodation": {"kind": "shelter"},
    "members": [member("head", "Amina", "Haddad")],
}
NASSER = {
    "provider": "caritas",
    "registered_on": "2025-05-01",
    "accommodation": {"kind": "shelter"},
    "members": [member("head", "Omar", "Nasser"), member("child", "Lina", "Nasser")],
}


class Client:
    def __init__(self, system: System, headers: dict[str, str]) -> None:
        self.http = httpx.Client(base_url=system.gateway, headers=headers, timeout=30)

    def json(self, method: str, path: str, body: Any = None, status: int = 200) -> Any:
        response = self.http.request(method, path, json=body)
        assert response.status_code == status, response.text
        return response.json()

    def find(self, q: str, **params: str) -> Any:
        extra = "".join(f"&{name}={value}" for name, value in params.items())
        return self.json("GET", f"/api/households?q={quote(q)}{extra}")

    def ids(self, q: str) -> list[str]:
        return [card["household_id"] for card in self.find(q)["items"]]

    def page(self, path: str, status: int = 200) -> httpx.Response:
        response = self.http.get(path)
        assert response.status_code == status, response.text
        return response


def test_households_are_found_by_name_phone_birth_date_and_short_id(system: System) -> None:
    coordination, caritas, drk = (Client(system, h) for h in (COORDINATION, CARITAS, DRK))
    öztürk = coordination.json("POST", "/api/households", ÖZTÜRK, 201)["household_id"]
    haddad = coordination.json("POST", "/api/households", HADDAD, 201)["household_id"]
    nasser = coordination.json("POST", "/api/households", NASSER, 201)["household_id"]

    for q in ("ozturk", "özt", "ÖZTÜRK", "ayse oz", "+49 221 123", "0221-123", "09.07.1984"):
        assert caritas.ids(q) == [öztürk], q
    assert caritas.ids(öztürk[:8]) == [öztürk]
    assert caritas.ids(öztürk) == [öztürk]
    card = caritas.find("ozturk")["items"][0]
    assert card["title"] == "Familie Öztürk (Caritas Köln, 3 Personen)"
    assert (card["short_id"], card["persons"], card["registered_on"]) == (
        öztürk[:8],
        3,
        "2025-03-01",
    )
    assert drk.find("haddad")["items"][0]["title"] == "Amina Haddad (DRK Köln, 1 Person)"

    # Another provider's caseworker: exactly the answer to a name nobody has.
    assert drk.find("ozturk") == drk.find("zzzz")
    assert drk.find("ozturk")["page"]["total"] == 0
    assert drk.find(öztürk[:8]) == drk.find("ffff0000")
    # The directory without a text: what the caller may see, paged.
    assert {c["household_id"] for c in caritas.find("")["items"]} == {öztürk, nasser}
    listed = coordination.find("", per_page="2", sort="registered", descending="true")
    assert [c["household_id"] for c in listed["items"]] == [nasser, haddad]
    assert listed["page"] == {"page": 1, "per_page": 2, "total": 3}

    # Restricted: the coordination alone finds it (and sees it marked).
    restriction = {"reason": "retention_duty", "note": "Aufbewahrung"}
    coordination.json("POST", f"/api/households/{nasser}/restriction", restriction, 200)
    assert caritas.find("nasser") == caritas.find("zzzz")
    assert Client(system, ADMIN).find("nasser")["items"] == []
    assert [(c["household_id"], c["restricted"]) for c in coordination.find("nasser")["items"]] == [
        (nasser, True)
    ]

    # The search page: titles linked to the household, the header's search field.
    shown = caritas.page("/ui/suche?q=%C3%B6zt").text
    assert (
        f'<a href="/ui/haushalte/{öztürk}">Familie Öztürk (Caritas Köln, 3 Personen)</a>' in shown
    )
    assert 'role="search"' in shown and "Haushalt suchen" in shown
    assert "Name, Geburtsdatum, Telefon oder Kennung" in caritas.page("/ui").text
    opened = caritas.page(f"/ui/suche?q={öztürk[:8]}", 303)
    assert opened.headers["location"] == f"/ui/haushalte/{öztürk}"
    missed = drk.page("/ui/suche?q=%C3%96zt%C3%BCrk").text
    assert "Kein Haushalt gefunden, der zu „Öztürk“ passt." in missed
    assert "Öztürk (" not in missed
    escaped = caritas.page("/ui/suche?q=%3Cb%3EX%3C/b%3E").text
    assert "„&lt;b&gt;X&lt;/b&gt;“" in escaped and "<b>X</b>" not in escaped
    # The former open-by-id address hands over to the search.
    old = caritas.page(f"/ui/haushalte?kennung={öztürk}", 303)
    assert old.headers["location"] == f"/ui/suche?q={öztürk}"


def form_post(client: httpx.Client, path: str, form: dict[str, str]) -> httpx.Response:
    return client.post(path, data={**form, "csrf_token": client.cookies["auszug_csrf"]})


def test_a_case_is_opened_for_a_household_named_through_the_picker(system: System) -> None:
    """Finding 9: the inquiry's household is typed as a name; two matches bring the titles
    to choose from, a choice opens the case; a name nobody has is said at the field."""
    coordination = httpx.Client(base_url=system.gateway, headers=COORDINATION, timeout=30)
    assert coordination.get("/ui/anfragen").status_code == 200  # the CSRF cookie
    first = coordination.post("/api/households", json=ÖZTÜRK).json()["household_id"]
    second = coordination.post("/api/households", json=ÖZTÜRK | {"contact": None})
    other = second.json()["household_id"]
    recorded = form_post(
        coordination,
        "/ui/anfragen",
        {"sender_kind": "resident", "channel": "email", "text": "Familie sucht Wohnung."},
    )
    inquiry = recorded.headers["location"]

    missed = form_post(
        coordination,
        f"{inquiry}/bearbeitung",
        {"outcome": "opened_as_case", "household_id": "Nobody"},
    )
    assert missed.status_code == 422
    assert 'id="fehler-household_id">Kein Haushalt gefunden, der zu „Nobody“ passt.' in missed.text

    several = form_post(
        coordination,
        f"{inquiry}/bearbeitung",
        {"outcome": "opened_as_case", "household_id": "öztürk ayşe"},
    )
    assert several.status_code == 422
    assert "Mehrere Haushalte passen zu „öztürk ayşe“. Bitte wählen Sie einen aus." in several.text
    for household_id in (first, other):
        assert f'name="household_id_wahl" value="{household_id}"' in several.text
    assert several.text.count("Familie Öztürk (Caritas Köln, 3 Personen)") == 2
    assert 'value="öztürk ayşe"' in several.text

    chosen = form_post(
        coordination,
        f"{inquiry}/bearbeitung",
        {
            "outcome": "opened_as_case",
            "household_id": "öztürk ayşe",
            "household_id_wahl": other,
        },
    )
    assert chosen.status_code == 303, chosen.text
    assert f'href="/ui/haushalte/{other}"' in coordination.get(inquiry).text


def test_two_families_of_one_name_are_told_apart_in_the_results(system: System) -> None:
    """Two Öztürk households of Caritas: the rows name the head's given name and year of
    birth and the accommodation's site (the title alone is the same); a household of DRK
    of the same name is neither listed nor described to Caritas."""
    coordination, caritas = Client(system, COORDINATION), Client(system, CARITAS)
    first = coordination.json(
        "POST",
        "/api/households",
        ÖZTÜRK | {"accommodation": {"kind": "shelter", "site": "Notunterkunft Kalk"}},
        201,
    )["household_id"]
    other_family = [member("head", "Fatma", "Öztürk", "1990-02-01"), member("child", "Can", "X")]
    second = coordination.json(
        "POST",
        "/api/households",
        ÖZTÜRK
        | {
            "members": [*other_family, member("child", "Deniz", "Öztürk")],
            "accommodation": {"kind": "shelter", "site": "Wohnheim Porz"},
            "contact": None,
        },
        201,
    )["household_id"]
    unnamed = [{"role": "head", "age_band": "27-64", "family_name": "Öztürk"}]
    coordination.json("POST", "/api/households", HADDAD | {"members": unnamed}, 201)  # DRK's Öztürk

    cards = {c["household_id"]: c for c in caritas.find("ozturk")["items"]}
    assert set(cards) == {first, second}
    assert cards[first]["title"] == cards[second]["title"]
    described = {
        k: (c["head_given_name"], c["head_birth_year"], c["accommodation_site"])
        for k, c in cards.items()
    }
    assert described == {
        first: ("Ayşe", 1984, "Notunterkunft Kalk"),
        second: ("Fatma", 1990, "Wohnheim Porz"),
    }

    shown = caritas.page("/ui/suche?q=ozturk").text
    for text in ("Ayşe, geb. 1984", "Notunterkunft Kalk", "Fatma, geb. 1990", "Wohnheim Porz"):
        assert shown.count(text) == 1, text
    assert '<th scope="col">Haushaltsvorstand</th>' in shown
    # DRK's caseworker finds only DRK's Öztürk: a head without a given name or birth date.
    drk_cards = Client(system, DRK).find("ozturk")["items"]
    assert [
        (c["head_given_name"], c["head_birth_year"], c["accommodation_site"]) for c in drk_cards
    ] == [(None, None, None)]
    drk_page = Client(system, DRK).page("/ui/suche?q=ozturk").text
    for text in ("Ayşe, geb.", "Fatma", "Notunterkunft", "Wohnheim", "1990"):
        assert text not in drk_page, text
