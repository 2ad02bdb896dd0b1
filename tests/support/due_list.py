"""The due list's test kit (issue 15): a client of `/api/follow-ups` that says what is due
by kind, and an offer with a ready household for placement's steps; shared by the due list's
integration tests so that no test module imports another."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx

from shared.clock import today
from support.system import System, household, wait_until

COORDINATOR: dict[str, str] = {}  # the system's own client signs in as the coordination
OFFER_STEPS = {"subject_kind": "offer", "rule_made": "true"}


def ago(days: int) -> str:
    return (today() - timedelta(days=days)).isoformat()


def ok(response: httpx.Response, status: int = 201) -> Any:
    assert response.status_code == status, response.text
    return response.json()


class Api:
    def __init__(self, system: System) -> None:
        self.http, self.base = system.http, f"{system.gateway}/api"

    def post(self, path: str, body: dict[str, Any], status: int = 201) -> Any:
        return ok(self.http.post(f"{self.base}{path}", json=body), status)

    def due(self, who: dict[str, str], params: dict[str, str]) -> dict[str, int]:
        """Kind → days overdue of what `who` sees due (one of a kind at most here)."""
        answer = ok(self.http.get(f"{self.base}/follow-ups", params=params, headers=who), 200)
        return {item["kind"]: item["days_overdue"] for item in answer["items"]}

    def steps(self, who: dict[str, str] = COORDINATOR, **params: str) -> dict[str, int]:
        """The offer steps `who` sees due."""
        return self.due(who, {**OFFER_STEPS, **params})


def offer_with_a_ready_household(api: Api, system: System) -> tuple[str, str]:
    hid = ok(system.register(household(ago(200))))["household_id"]
    criteria = dict.fromkeys(
        [
            "rent_payment",
            "tenancy_knowledge",
            "neighbourhood",
            "household_management",
            "language_for_contracts",
        ],
        "met",
    )
    api.post(
        f"/households/{hid}/readiness-assessments",
        {"assessed_on": ago(60), "criteria": criteria, "result": "ready"},
    )
    landlord = {
        "kind": "municipal_housing_company",
        "name": "Wohnungsbau Musterstadt",
        "cooperation_agreement": True,
        "cooperation_agreed_on": "2018-01-01",
    }
    lid = api.post("/landlords", landlord)["landlord_id"]
    offer = {
        "landlord_id": lid,
        "district": "ehrenfeld",
        "street_address": "Musterstraße 7",
        "rooms": 1,
        "size_m2": "40",
        "cold_rent": "400.00",
        "running_costs": "100.00",
        "available_from": ago(50),
        "wbs_required": False,
        "refugee_quota": False,
        "source": "housing_company_quota",
        "received_on": ago(50),
    }
    oid = api.post("/offers", offer)["offer_id"]

    def known() -> bool:
        found = ok(api.http.get(f"{api.base}/offers/{oid}/matches"), 200)["matches"]
        return any(m["household_id"] == hid for m in found)

    wait_until(known, what="placement knows the household")
    return hid, oid
