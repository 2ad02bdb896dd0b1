"""The rules and stalled-cases pages against the running system, as a browser uses them:
the coordination raises a Jobcenter rent limit through the rules form, the offer's rent
verdict turns from "passt nicht" to "passt", a caseworker is refused at the same form.
The stalled cases are the due list's two placement rules: the coordination shortens the
days for an unanswered proposal at /ui/fristen and the proposal shows as stalled from
then on, on the stalled cases' page and under "Fällige Schritte" alike, to its provider
only, until the landlord answers (business dates in the past)."""

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

    # The rules page no longer holds a threshold of its own: it points to the days per rule.
    assert 'name="proposal_stall_days"' not in shown and 'href="/ui/fristen"' in shown
    days = coordinator.get("/ui/fristen").text
    rules = dict(re.findall(r'<input id="([a-z_]+)" name="[a-z_]+"[^>]* value="(\d+)"', days))
    assert rules["proposal_unanswered"] == "14"
    changed = coordinator.post(
        "/ui/fristen", data={"csrf_token": TOKEN, **rules, "proposal_unanswered": "10"}
    )
    assert changed.status_code == 303, changed.text

    def stalled(client: httpx.Client, path: str) -> str | None:
        page = client.get(path)
        assert page.status_code == 200, page.text
        return page.text if "seit 2 Tagen überfällig" in page.text else None

    listed = wait_until(
        lambda: stalled(worker, "/ui/wohnungen/festgefahren"), what="stalled proposal"
    )
    proposals = listed.split('id="vorschlaege"')[1].split('id="uebernahmen"')[0]
    assert f'href="/ui/wohnungen/{oid}#vermieter-entscheidung"' in proposals
    assert "Antwort des Vermieters auf den Vorschlag einholen" in proposals
    assert "auf die der Vermieter 10 Tage nach dem Vorschlag" in listed
    # The same step on "Heute", once, under the steps.
    heute = worker.get("/ui/heute").text
    assert heute.count(f"/ui/wohnungen/{oid}#vermieter-entscheidung") == 1
    assert f"/ui/wohnungen/{oid}#" in heute.split('id="schritte"')[1]
    earlier = worker.get(f"/ui/wohnungen/festgefahren?stichtag={ago(3)}").text
    # 9 days then: not yet due.
    assert "Kein Vorschlag wartet über seine Frist hinaus auf den Vermieter." in earlier
    # Another provider's caseworker sees nothing of it.
    drk = browser(system, {**CARITAS, "x-auszug-provider": "drk", "x-auszug-user": "d-1"})
    other = drk.get("/ui/wohnungen/festgefahren")
    assert other.status_code == 200 and oid not in other.text

    # The landlord answers: the proposal is no longer stalled.
    decision = {"household_id": hid, "decision": "declined", "decided_on": ago(1)}
    ok(system.http.post(f"{api}/offers/{oid}/landlord-decisions", json=decision))
    wait_until(
        lambda: oid not in worker.get("/ui/wohnungen/festgefahren").text,
        what="the answered proposal gone",
    )
