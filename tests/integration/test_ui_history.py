"""Who changed what, against the running system through the gateway as a browser and an
API client use it: Anna, a caseworker signed in with her account, corrects the birth
date of a household's head; the household's "Änderungen" page shows "Stammdaten
korrigiert" today with the corrected field — by her name to the coordination, by her
role to her colleague — and never the corrected values; another provider's caseworker
hears 404; many changes come a page at a time. An offer's, a case's and a volunteer's
history likewise from their own service, for whoever sees the subject."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from typing import Any

import httpx

from shared.clock import today
from support.accounts import PASSWORD, signed_in
from support.system import ROOT, System, household

T = today()
CANARY = "Zqxwvkanarienvogel"
COORDINATION = {"x-auszug-role": "coordinator", "x-auszug-user": "k-1"}
COLLEAGUE = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas", "x-auszug-user": "w-9"}
DRK = {"x-auszug-role": "caseworker", "x-auszug-provider": "drk", "x-auszug-user": "w-2"}
SKM = {"x-auszug-role": "caseworker", "x-auszug-provider": "skm", "x-auszug-user": "w-3"}
OFFICE = {"x-auszug-role": "housing_office", "x-auszug-user": "f-1"}


def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def add_named_user(system: System, login: str, name: str, role: str, provider: str) -> None:
    """An account with a display name, as an operator adds one (`--name`)."""
    args = ["--login", login, "--name", name, "--role", role, "--municipality", "koeln"]
    args += ["--provider", provider, "--password-stdin"]
    done = subprocess.run(
        [sys.executable, "-m", "services.gateway.users", "add", *args],
        input=PASSWORD + "\n",
        cwd=ROOT,
        env=system["gateway"].env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def page(http: httpx.Client, path: str, headers: dict[str, str], status: int = 200) -> str:
    response = http.get(path, headers=headers)
    assert response.status_code == status, response.text
    return response.text


def test_a_household_shows_who_corrected_its_master_data(system: System) -> None:
    add_named_user(system, "anna.berger", "Anna Berger", "caseworker", "caritas")
    anna = signed_in(system, "anna.berger")
    http = httpx.Client(base_url=system.gateway, timeout=30)
    hid = ok(anna.post("/api/households", json=household(provider="caritas")), 201)["household_id"]
    view = ok(anna.get(f"/api/households/{hid}"))
    head = view["members"][0]
    correction = {
        "expected_version": view["version"],
        "members": [
            {
                "member_id": head["member_id"],
                "given_name": head["given_name"],
                "family_name": CANARY,
                "birth_date": "1981-02-01",
            }
        ],
    }
    ok(anna.post(f"/api/households/{hid}/personal-data-corrections", json=correction))
    path = f"/ui/haushalte/{hid}/aenderungen"

    # The coordination: what, when, who by name; the corrected fields, never their values.
    assert f'href="{path}"' in page(http, f"/ui/haushalte/{hid}", COORDINATION)
    shown = page(http, path, COORDINATION)
    rows = shown[shown.index("<tbody>") : shown.index("</tbody>")]
    newest = rows[: rows.index("</tr>")]
    assert "Stammdaten korrigiert" in newest and "Anna Berger" in newest
    # Recorded now, in effect from today (the business day, not the UTC date).
    assert f"<td>{T:%d.%m.%Y}, " in newest and f"<td>{T:%d.%m.%Y}</td>" in newest
    assert "Nachname" in newest and "Geburtsdatum" in newest
    assert "Haushalt aufgenommen" in rows
    # The page's title names the household (as every page does); its changes do not.
    assert f"{CANARY} (Caritas Köln" in shown
    assert CANARY not in rows and "1981" not in rows
    api = ok(http.get(f"/api/households/{hid}/history", headers=COORDINATION))
    first = api["entries"][0]
    assert (first["event_type"], first["what"]) == (
        "PersonalDataCorrected",
        "Stammdaten korrigiert",
    )
    assert first["actor_name"] == "Anna Berger" and first["actor"] != "anna.berger"
    assert sorted(first["facts"]["fields"]) == ["birth_date", "family_name"]
    assert CANARY not in str(api)
    # A client of its own: the language sticks in a cookie.
    english = page(httpx.Client(base_url=system.gateway), f"{path}?lang=en", COORDINATION)
    assert "Personal data corrected" in english

    # Her colleague sees that a caseworker did it, not who.
    colleague = page(http, path, COLLEAGUE)
    assert "Stammdaten korrigiert" in colleague and "Fachkraft (Träger)" in colleague
    assert "Anna Berger" not in colleague
    theirs = ok(http.get(f"/api/households/{hid}/history", headers=COLLEAGUE))
    assert theirs["entries"][0]["actor_name"] is None

    # Another provider's caseworker: no such household, on the page and in the API.
    assert "Stammdaten korrigiert" not in page(http, path, DRK, 404)
    assert http.get(f"/api/households/{hid}/history", headers=DRK).status_code == 404

    # Many changes: a page at a time, newest first.
    for i in range(20):
        needs = {"changed_on": T.isoformat(), "wbs": i % 2 == 0, "residence_outlook": "good"}
        ok(anna.post(f"/api/households/{hid}/needs", json=needs))
    total = ok(http.get(f"/api/households/{hid}/history", headers=COORDINATION))["page"]["total"]
    assert total >= 22
    first_page = page(http, path, COORDINATION)
    assert "Seite 1 von 2" in first_page and "Wohnungsbedarf geändert" in first_page
    assert "Haushalt aufgenommen" not in first_page
    last_page = page(http, f"{path}?page=2", COORDINATION)
    assert "Seite 2 von 2" in last_page and "Haushalt aufgenommen" in last_page
    oldest = ok(
        http.get(
            f"/api/households/{hid}/history",
            params={"page": total, "per_page": 1},
            headers=COORDINATION,
        )
    )
    assert [e["event_type"] for e in oldest["entries"]] == ["HouseholdRegistered"]


def test_an_offer_a_case_and_a_volunteer_have_their_history(system: System) -> None:
    http = httpx.Client(base_url=system.gateway, timeout=30)
    landlord = {
        "kind": "municipal_housing_company",
        "name": "Wohnungsbau Musterstadt",
        "cooperation_agreement": True,
        "cooperation_agreed_on": "2018-01-01",
    }
    lid = ok(http.post("/api/landlords", json=landlord, headers=COORDINATION), 201)["landlord_id"]
    offer = {
        "landlord_id": lid,
        "district": "ehrenfeld",
        "street_address": "Musterstraße 7",
        "rooms": 3,
        "size_m2": "74.5",
        "cold_rent": "690.00",
        "running_costs": "210.00",
        "available_from": (T + timedelta(days=10)).isoformat(),
        "wbs_required": False,
        "refugee_quota": True,
        "source": "housing_company_quota",
    }
    oid = ok(http.post("/api/offers", json=offer, headers=COORDINATION), 201)["offer_id"]
    shown = page(http, f"/ui/wohnungen/{oid}/aenderungen", COORDINATION)
    assert "Wohnungsangebot erfasst" in shown
    assert f'href="/ui/wohnungen/{oid}/aenderungen"' in page(
        http, f"/ui/wohnungen/{oid}", COORDINATION
    )
    # An offer's history is the coordination's (its stream names every provider's steps).
    assert http.get(f"/api/offers/{oid}/history", headers=COLLEAGUE).status_code == 403
    assert "/aenderungen" not in page(http, f"/ui/wohnungen/{oid}", COLLEAGUE)

    referral = {
        "provider": "skm",
        "received_on": T.isoformat(),
        "source": "self_referral",
        "target_group": "secured_tenancy_at_risk_of_recurrence",
        "housing_situation": "own_tenancy",
        "adults": 1,
        "minors": 0,
    }
    cid = ok(http.post("/api/prevention/cases", json=referral, headers=SKM), 201)["case_id"]
    for who in (SKM, OFFICE, COORDINATION):
        answer = ok(http.get(f"/api/prevention/cases/{cid}/history", headers=who))
        assert [e["what"] for e in answer["entries"]] == ["Fall gemeldet"]
    assert "Fall gemeldet" in page(http, f"/ui/praevention/{cid}/aenderungen", SKM)
    assert http.get(f"/api/prevention/cases/{cid}/history", headers=DRK).status_code == 404

    volunteer = {
        "provider": "caritas",
        "user_id": "vera",
        "given_name": "Vera",
        "family_name": CANARY,
        "registered_on": T.isoformat(),
    }
    vid = ok(http.post("/api/volunteers", json=volunteer, headers=COLLEAGUE), 201)["volunteer_id"]
    shown = page(http, f"/ui/ehrenamt/ehrenamtliche/{vid}/aenderungen", COLLEAGUE)
    assert "Ehrenamtliche/r aufgenommen" in shown and CANARY not in shown
    assert http.get(f"/api/volunteers/{vid}/history", headers=DRK).status_code == 404
