"""The rules and stalled-cases pages against the running system, as a browser uses them:
the coordination raises a Jobcenter rent limit and shortens the stall threshold through
the rules form, the offer's rent verdict turns from "passt nicht" to "passt", a caseworker
is refused at the same form, and the unanswered proposal shows as stalled from the new
threshold on (business dates in the past, as the API's stalled tests use them)."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import httpx

from shared.clock import today
from support.system import System, household, wait_until

T = today()
TOKEN = "csrf-" + "t" * 30
COORDINATOR = {"x-auszug-role": "coordinator", "x-auszug-user": "koordination-1"}
CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas", "x-auszug-user": "c-1"}
RENT_VERDICT = re.compile(r"Miete: <strong>([^<]+)</strong>")


def ago(days: int) -> str:
    return (T - timedelta(days=days)).isoformat()


def ok(response: httpx.Response, status: int = 201) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def browser(system: System, headers: dict[str, str]) -> httpx.Client:
    client = httpx.Client(base_url=system.gateway, headers=headers, timeout=30)
    client.cookies.set("auszug_csrf", TOKEN)
    return client


def test_rules_changed_in_the_form_change_matching_and_stalled_cases(system: System) -> None:
    api = f"{system.gateway}/api"
    hid = ok(system.register(household("2025-06-01", adults=1)))["household_id"]
    landlord = {"kind": "housing_company", "name": "Wohnungsbau Rhein"}
    lid = ok(system.http.post(f"{api}/landlords", json=landlord))["landlord_id"]
    offer = {
        "landlord_id": lid,
        "district": "kalk",
        "rooms": 1,
        "size_m2": "40",
        "cold_rent": "600.00",
        "running_costs": "120.00",  # 720 € gross: over Köln's 651 € for one person
        "available_from": ago(30),
        "wbs_required": False,
        "source": "housing_company_quota",
        "received_on": ago(40),
    }
    oid = ok(system.http.post(f"{api}/offers", json=offer))["offer_id"]
    coordinator, worker = browser(system, COORDINATOR), browser(system, CARITAS)

    def rent_verdict() -> str | None:
        page = coordinator.get(f"/ui/wohnungen/{oid}?fits_only=false")
        assert page.status_code == 200, page.text
        found = RENT_VERDICT.search(page.text) if hid[:8] in page.text else None
        return found.group(1) if found else None

    assert wait_until(rent_verdict, what="household matched with the offer") == "passt nicht"
    assert 'name="rent_1" value="651,00"' in coordinator.get("/ui/wohnungen/regeln").text
    assert "651,00 €" in worker.get("/ui/wohnungen/regeln").text  # read-only for them

    form = {
        "csrf_token": TOKEN,
        "proposal_stall_days": "10",
        "guarantee_stall_days": "21",
        "rent_1": "750,00 €",
        "size_1": "50",
    }
    refused = worker.post("/ui/wohnungen/regeln", data=form)
    assert refused.status_code == 403 and "Nur die Koordination" in refused.text
    wrong = coordinator.post("/ui/wohnungen/regeln", data={**form, "rent_1": "viel"})
    assert wrong.status_code == 422 and 'id="fehler-rent_1"' in wrong.text
    saved = coordinator.post("/ui/wohnungen/regeln", data=form)
    assert saved.status_code == 303, saved.text
    shown = coordinator.get(saved.headers["location"]).text
    assert 'name="rent_1" value="750,00"' in shown and 'name="rent_2" value=""' in shown
    assert rent_verdict() == "passt"

    proposal = {"household_ids": [hid], "proposed_on": ago(12)}
    ok(system.http.post(f"{api}/offers/{oid}/proposals", json=proposal))

    def stalled(path: str) -> str | None:
        page = worker.get(path)
        assert page.status_code == 200, page.text
        return page.text if "seit 12 Tagen keine Antwort" in page.text else None

    listed = wait_until(lambda: stalled("/ui/wohnungen/festgefahren"), what="stalled proposal")
    assert f'href="/ui/wohnungen/{oid}"' in listed and "mehr als 10 Tagen" in listed
    earlier = worker.get(f"/ui/wohnungen/festgefahren?stichtag={ago(3)}").text
    assert "Keine festgefahrenen Vorschläge." in earlier  # 9 days then: not yet stalled
