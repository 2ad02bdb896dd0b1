"""The list of consultations and a mediation's outcome against the running system:
Caritas records two individual appointments and the DRK one; a Caritas caseworker lists
two, the coordination all three, an analyst nothing (403); the overview's table shows
them. A mediation recorded with its outcome on a case's form shows it on the case page."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx

from shared.clock import today
from support.system import System

T = today()
TOKEN = "csrf-" + "t" * 30
CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas", "x-auszug-user": "ute"}
DRK = {"x-auszug-role": "caseworker", "x-auszug-provider": "drk", "x-auszug-user": "dirk"}
COORDINATION = {"x-auszug-role": "coordinator", "x-auszug-user": "koordination-1"}
ANALYST = {"x-auszug-role": "analyst", "x-auszug-user": "statistik-1"}
SKM = {"x-auszug-role": "caseworker", "x-auszug-provider": "skm", "x-auszug-user": "skm-1"}
OFFICE = {"x-auszug-role": "housing_office", "x-auszug-user": "fachstelle-1"}


def ago(days: int) -> str:
    return (T - timedelta(days=days)).isoformat()


def client(system: System, headers: dict[str, str]) -> httpx.Client:
    browser = httpx.Client(base_url=system.gateway, headers=headers, timeout=30)
    browser.cookies.set("auszug_csrf", TOKEN)
    return browser


def post_form(browser: httpx.Client, path: str, form: dict[str, str]) -> httpx.Response:
    response = browser.post(path, data={"csrf_token": TOKEN, **form})
    assert response.status_code == 303, response.text
    return response


def appointment(provider: str, days_ago: int) -> dict[str, Any]:
    return {
        "provider": provider,
        "held_on": ago(days_ago),
        "appointment": True,
        "channel": "phone",
        "visitor": "refugee_alone",
        "topic": "wbs",
        "duration_minutes": 25,
    }


def listed(browser: httpx.Client, status: int = 200) -> list[dict[str, Any]]:
    response = browser.get("/api/consultations", params={"appointments_only": "true"})
    assert response.status_code == status, response.text
    return list(response.json()["consultations"]) if status == 200 else []


def test_individual_consultations_are_listed_and_a_mediation_keeps_its_outcome(
    system: System,
) -> None:
    caritas, drk = client(system, CARITAS), client(system, DRK)
    for days in (3, 1):
        assert caritas.post("/api/consultations", json=appointment("caritas", days)).is_success
    assert drk.post("/api/consultations", json=appointment("drk", 2)).is_success

    mine = listed(caritas)
    assert [c["held_on"] for c in mine] == [ago(1), ago(3)]
    assert {c["provider"] for c in mine} == {"caritas"}
    assert len(listed(client(system, COORDINATION))) == 3
    listed(client(system, ANALYST), status=403)
    too_many = caritas.get("/api/consultations", params={"per_page": "201"})
    assert too_many.status_code == 422 and "per_page" in too_many.text
    page_two = caritas.get(
        "/api/consultations", params={"appointments_only": "true", "per_page": "1", "page": "2"}
    )
    assert page_two.json()["page"] == {"page": 2, "per_page": 1, "total": 2}
    assert [c["held_on"] for c in page_two.json()["consultations"]] == [ago(3)]

    overview = caritas.get("/ui/ehrenamt").text
    table = overview.split('id="einzeltermine"', 1)[1]
    assert table.count("<tr><td>") == 2 and "Wohnberechtigungsschein" in table
    everyone = client(system, COORDINATION).get("/ui/ehrenamt").text
    assert everyone.split('id="einzeltermine"', 1)[1].count("<tr><td>") == 3

    mediation_with_outcome(system)


REFERRAL = {
    "provider": "skm",
    "received_on": ago(20),
    "source": "landlord",
    "target_group": "secured_tenancy_at_risk_of_recurrence",
    "housing_situation": "own_tenancy",
    "adults": "1",
    "minors": "0",
    "contact.name": "Familie Berger",
    "street_address": "Keupstraße 11",
}


def mediation_with_outcome(system: System) -> None:
    skm, office = client(system, SKM), client(system, OFFICE)
    case = post_form(skm, "/ui/praevention/neu", REFERRAL).headers["location"].split("?")[0]
    post_form(skm, f"{case}/pruefung", {"checked_on": ago(15)})
    post_form(office, f"{case}/bewilligung", {"admitted_on": ago(14), "ends_on": ago(-180)})
    post_form(skm, f"{case}/zustimmung", {"given_on": ago(14)})
    form = skm.get(case).text
    assert 'name="outcome"' in form and "Ratenzahlung vereinbart" in form
    mediation = {"party": "landlord", "topic": "rent_arrears", "held_on": ago(2)}
    post_form(skm, f"{case}/vermittlung", {**mediation, "outcome": "instalment_agreement"})
    post_form(skm, f"{case}/vermittlung", {**mediation, "held_on": ago(1)})

    table = skm.get(case).text.split('id="vermittlungen"', 1)[1].split("</table>", 1)[0]
    assert "<td>Ratenzahlung vereinbart</td>" in table
    assert "<td>nicht erfasst</td>" in table
    english = skm.get(f"{case}?lang=en").text
    assert "Instalment plan agreed" in english
