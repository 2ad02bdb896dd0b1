"""The offer page with more households looking than fit on one page, against the running
system: placement ranks and pages the candidates (page 1 has 50, the oldest registration
first, one not fitting only with "alle suchenden" and last), a caseworker sees only their
provider's households, proposes one from its own household page and is sent back there
with a confirmation, and a caseworker of another provider sees neither the household nor
the proposal."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import httpx

from shared.clock import today
from support.system import System, household, wait_until

TOKEN = "csrf-" + "t" * 30
COORDINATOR = {"x-auszug-role": "coordinator", "x-auszug-user": "koordination-1"}
CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas", "x-auszug-user": "c-1"}
DRK = {"x-auszug-role": "caseworker", "x-auszug-provider": "drk", "x-auszug-user": "d-1"}
ROW = re.compile(r'name="household_ids" value="([0-9a-f-]{36})"')
FITTING = 52


def ok(response: httpx.Response, status: int = 201) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def browser(system: System, headers: dict[str, str]) -> httpx.Client:
    client = httpx.Client(base_url=system.gateway, headers=headers, timeout=30)
    client.cookies.set("auszug_csrf", TOKEN)
    return client


def test_candidates_are_ranked_paged_and_proposed_from_the_household(system: System) -> None:
    api = f"{system.gateway}/api"
    first = date(2024, 1, 1)

    def register(n: int, provider: str = "caritas", adults: int = 1) -> str:
        body = household((first + timedelta(days=n)).isoformat(), provider, adults=adults)
        return str(ok(system.register(body))["household_id"])

    # Registered newest first, so that the order on the page is not the order of creation.
    fitting = [register(n) for n in reversed(range(1, FITTING + 1))][::-1]
    too_many = register(0, adults=4)  # four persons in one room: does not fit, waits longest
    other_provider = register(FITTING + 1, "drk")
    landlord = {"kind": "housing_company", "name": "Wohnungsbau Rhein"}
    lid = ok(system.http.post(f"{api}/landlords", json=landlord))["landlord_id"]
    offer = {
        "landlord_id": lid,
        "district": "kalk",
        "rooms": 1,
        "size_m2": "40",
        "cold_rent": "450.00",
        "running_costs": "120.00",  # 570 € gross: within Köln's 651 € for one person
        "available_from": (today() - timedelta(days=30)).isoformat(),
        "wbs_required": False,
        "source": "housing_company_quota",
        "received_on": (today() - timedelta(days=40)).isoformat(),
    }
    oid = ok(system.http.post(f"{api}/offers", json=offer))["offer_id"]
    coordinator, worker, drk = (browser(system, h) for h in (COORDINATOR, CARITAS, DRK))

    def page(client: httpx.Client, query: str = "") -> str:
        shown = client.get(f"/ui/wohnungen/{oid}{query}")
        assert shown.status_code == 200, shown.text
        return shown.text

    def all_matched() -> str | None:
        text = page(coordinator)
        return text if f"{FITTING + 1} passende Haushalte" in text else None

    first_page = wait_until(all_matched, what="every household matched with the offer")
    rows = ROW.findall(first_page)
    assert len(rows) == 50 and rows == fitting[:50]  # the longest waiting first
    assert "Kalk" in first_page and "Caritas Köln" in first_page and ">caritas<" not in first_page
    assert first_page.index('id="schritte"') < first_page.index('id="kandidaten"')
    second = ROW.findall(page(coordinator, "?page=2"))
    assert second == [*fitting[50:], other_provider]

    # "alle suchenden": the household that does not fit comes last, though it waits longest.
    last = page(coordinator, "?fits_only=false&page=2")
    assert ROW.findall(last)[-1] == too_many and "passt nicht (1 Kriterium)" in last

    # A caseworker's candidates are their provider's households only.
    mine = page(worker, "?page=2")
    assert f"{FITTING} passende Haushalte" in mine and other_provider not in mine
    assert ROW.findall(mine) == fitting[50:]

    # Proposing from the household's own page comes back there with the confirmation.
    chosen = fitting[7]
    own = worker.get(f"/ui/haushalte/{chosen}").text
    section = own.split('id="wohnungsangebote"', 1)[1].split("</section>", 1)[0]
    assert f'action="/ui/wohnungen/{oid}/vorschlag"' in section
    form = {"csrf_token": TOKEN, "household_ids": chosen, "zurueck": "haushalt"}
    sent = worker.post(f"/ui/wohnungen/{oid}/vorschlag", data=form)
    assert sent.status_code == 303, sent.text
    assert sent.headers["location"] == (
        f"/ui/haushalte/{chosen}?hinweis=vorgeschlagen#wohnungsangebote"
    )
    back = worker.get(sent.headers["location"]).text
    assert "Der Haushalt ist dem Vermieter vorgeschlagen." in back

    def proposed_section() -> str | None:
        # Placement's read model of proposals follows its events: shown once projected.
        shown = worker.get(f"/ui/haushalte/{chosen}").text
        section = shown.split('id="wohnungsangebote"', 1)[1].split("</section>", 1)[0]
        return section if "schon vorgeschlagen" in section else None

    section = wait_until(proposed_section, what="the proposal on the household page")
    assert f'href="/ui/wohnungen/{oid}"' in section
    proposals = page(worker).split('id="vorschlaege"', 1)[1].split('id="schritte"', 1)[0]
    assert f"/ui/haushalte/{chosen}" in proposals

    # Another provider's caseworker sees the flat, but neither the proposal nor the household.
    theirs = page(drk)
    assert chosen not in theirs and "Noch keine Vorschläge." in theirs
    assert ROW.findall(theirs) == [other_provider]
    assert drk.get(f"/ui/haushalte/{chosen}").status_code in (403, 404)
