"""Placement refuses what it must: bad input (422 naming the field), the wrong role (403),
another municipality's offer (404), a rule of the domain (409, with the reason).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx

from shared.clock import today
from support.system import System, household, wait_until


def ok(response: httpx.Response, status: int = 201) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def offer_body(landlord_id: str, **overrides: Any) -> dict[str, Any]:
    return {
        "landlord_id": landlord_id,
        "district": "porz",
        "rooms": 2,
        "size_m2": 58,
        "cold_rent": "480.00",
        "running_costs": "150.00",
        "available_from": "2025-08-01",
        "wbs_required": False,
        "refugee_quota": True,
        "source": "private_landlord",
        **overrides,
    }


def test_input_roles_and_rules_are_answered_with_422_403_and_409(system: System) -> None:
    http, api = system.http, f"{system.gateway}/api"
    lid = ok(http.post(f"{api}/landlords", json={"kind": "private", "name": "Herr Privat"}))[
        "landlord_id"
    ]
    bad = http.post(
        f"{api}/offers",
        json=offer_body(lid, rooms="2.25", cold_rent="-5", district="Venloer Str. 1"),
    )
    assert bad.status_code == 422
    assert {f["field"] for f in bad.json()["error"]["fields"]} == {"rooms", "cold_rent", "district"}
    quota = http.post(f"{api}/offers", json=offer_body(lid))
    assert quota.status_code == 409 and "Richtlinie Flü" in quota.json()["error"]["message"]
    oid = ok(http.post(f"{api}/offers", json=offer_body(lid, refugee_quota=False)))["offer_id"]

    volunteer = {"x-auszug-role": "volunteer"}
    assert http.post(f"{api}/offers", json=offer_body(lid), headers=volunteer).status_code == 403
    assert http.get(f"{api}/offers/{oid}/matches", headers=volunteer).status_code == 403
    other_city = {"x-auszug-municipality": "bergisch-gladbach"}
    assert http.get(f"{api}/offers/{oid}", headers=other_city).status_code == 404

    ok(http.post(f"{api}/offers/{oid}/withdrawal", json={"reason": "landlord_withdrew"}))
    hid = ok(system.register(household()))["household_id"]
    wait_until(
        lambda: http.get(f"{api}/households/{hid}/offers").status_code == 200,
        what="household known to placement",
    )
    refused = http.post(f"{api}/offers/{oid}/proposals", json={"household_ids": [hid]})
    assert refused.status_code == 409
    assert "zurückgezogen" in refused.json()["error"]["message"]
    assert date.fromisoformat(ok(http.get(f"{api}/offers/{oid}"), 200)["closed_on"]) == today()


def test_a_municipality_without_rules_gets_the_defaults_until_it_sets_its_own(
    system: System,
) -> None:
    http, url = system.http, f"{system.gateway}/api/placement/rules"
    gl = {"x-auszug-municipality": "bergisch-gladbach"}
    defaults = ok(http.get(url, headers=gl), 200)
    assert defaults["rent_limits"] == [] and "proposal_stall_days" not in defaults
    assert len(ok(http.get(url), 200)["rent_limits"]) == 5  # Köln's seeded guideline values
    own = {
        **defaults,
        "extra_person_rent": "90.00",
        "rent_limits": [{"persons": 1, "max_gross_cold_rent": "560.00", "max_size_m2": "47.00"}],
    }
    caseworker = {**gl, "x-auszug-role": "caseworker", "x-auszug-provider": "caritas"}
    assert http.put(url, json=own, headers=caseworker).status_code == 403
    saved = ok(http.put(url, json=own, headers=gl), 200)
    assert saved["extra_person_rent"] == "90.00"
    assert saved["rent_limits"] == own["rent_limits"]
    assert ok(http.get(url, headers=gl), 200) == saved
