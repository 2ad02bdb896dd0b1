"""Restriction (Art. 18 DSGVO, §84 SGB X) reaches every service, from intake's events.

Two Caritas households fit one offer; A has a tandem. Once a coordinator restricts A,
placement leaves A out of the offer's matches and refuses to propose it (409), the
caseboard hides A from the caseworker and marks it for the coordinator, the volunteer's
view of A answers 404 and A's tandem drops out of her list, a new tandem is refused, the
drill-down withholds A's id — and the whole yearly report stays exactly as it was. Lifting
the restriction brings A back everywhere.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx

from shared.clock import today
from support.system import System, household, wait_until

CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas"}
COORDINATOR: dict[str, str] = {}
VOLUNTEER = {"x-auszug-role": "volunteer", "x-auszug-user": "u-restriction"}
YEAR = 2025
T = today()


def ago(days: int) -> str:
    return (T - timedelta(days=days)).isoformat()


def ok(response: httpx.Response, status: int = 201) -> Any:
    assert response.status_code == status, response.text
    return response.json()


class Api:
    def __init__(self, system: System) -> None:
        self.http: httpx.Client = system.http
        self.api = f"{system.gateway}/api"

    def __call__(
        self, method: str, path: str, who: dict[str, str], body: Any = None
    ) -> httpx.Response:
        return self.http.request(method, f"{self.api}{path}", json=body, headers=who)


def setup(api: Api) -> dict[str, str]:
    """Households A and B, an offer both are matched with, a tandem for A."""
    ids = {
        name: ok(api("POST", "/households", CARITAS, household("2025-03-01")))["household_id"]
        for name in ("A", "B")
    }
    consent = {"purpose": "volunteer_tandem", "given_on": "2025-03-02", "given_by": "Frau H."}
    ok(api("POST", f"/households/{ids['A']}/consents", CARITAS, consent))
    volunteer = {
        "provider": "caritas",
        "user_id": "u-restriction",
        "registered_on": "2025-03-01",
        "given_name": "Vera",
        "family_name": "V.",
    }
    vid = ok(api("POST", "/volunteers", CARITAS, volunteer))["volunteer_id"]
    step = {"step": "agreement_signed", "done_on": "2025-03-01"}
    ok(api("POST", f"/volunteers/{vid}/onboarding", CARITAS, step), 200)
    ids["volunteer"] = vid
    landlord = {"kind": "private", "name": "Vermieterin", "cooperation_agreement": False}
    lid = ok(api("POST", "/landlords", COORDINATOR, landlord))["landlord_id"]
    offer = {
        "landlord_id": lid,
        "district": "ehrenfeld",
        "rooms": 2,
        "size_m2": "45",
        "cold_rent": "400.00",
        "running_costs": "100.00",
        "available_from": ago(20),
        "wbs_required": False,
        "refugee_quota": False,
        "source": "private_landlord",
        "received_on": ago(30),
    }
    ids["offer"] = ok(api("POST", "/offers", COORDINATOR, offer))["offer_id"]

    def formed() -> str | None:
        body = {"volunteer_id": vid, "household_id": ids["A"], "formed_on": "2025-03-10"}
        response = api("POST", "/tandems", CARITAS, body)
        if response.status_code == 409:  # volunteer learns household and consent later
            return None
        return str(ok(response)["tandem_id"])

    ids["tandem"] = wait_until(formed, interval=0.2, what="tandem formed")
    return ids


def matched(api: Api, offer_id: str) -> set[str]:
    found = ok(api("GET", f"/offers/{offer_id}/matches", COORDINATOR), 200)["matches"]
    return {m["household_id"] for m in found}


def board(api: Api, who: dict[str, str]) -> dict[str, dict[str, Any]]:
    cases = ok(api("GET", "/caseboard", who), 200)["cases"]
    return {c["household_id"]: c for c in cases}


def drill_down(api: Api, who: dict[str, str]) -> tuple[set[str], int]:
    path = f"/reports/figures/households_registered/cases?period_from={YEAR}-01-01"
    shown = ok(api("GET", f"{path}&period_to={YEAR}-12-31", who), 200)
    return set(shown["ids"]), shown["withheld"]


def report(api: Api) -> Any:
    return ok(api("GET", f"/reports/yearly/{YEAR}", COORDINATOR), 200)


def settled_report(api: Api) -> Any:
    """The yearly report once reporting counted the tandem (the last event of the setup)."""

    def counted() -> Any:
        shown = report(api)
        values = {f["key"]: f["value"] for s in shown["sections"] for f in s["figures"]}
        return shown if values.get("tandems_formed") == 1 else None

    return wait_until(counted, interval=0.2, what="reporting counted the tandem")


def test_a_restricted_household_is_hidden_everywhere_and_back_once_lifted(
    system: System,
) -> None:
    api = Api(system)
    ids = setup(api)
    a, b = ids["A"], ids["B"]
    wait_until(lambda: matched(api, ids["offer"]) == {a, b}, what="placement knows both")
    wait_until(lambda: {a, b} <= board(api, CARITAS).keys(), what="caseboard knows both")
    before = settled_report(api)
    assert ok(api("GET", f"/tandem-households/{a}", VOLUNTEER), 200)["household_id"] == a

    restriction = {"reason": "retention_duty", "note": "Aufbewahrung nach §84 SGB X"}
    ok(api("POST", f"/households/{a}/restriction", COORDINATOR, restriction), 200)

    wait_until(lambda: matched(api, ids["offer"]) == {b}, what="placement left A out")
    assert api("GET", f"/households/{a}/offers", COORDINATOR).status_code == 404
    proposal = {"household_ids": [a], "proposed_on": ago(5)}
    refused = api("POST", f"/offers/{ids['offer']}/proposals", COORDINATOR, proposal)
    assert refused.status_code == 409, refused.text
    assert refused.json()["error"]["code"] == "household_restricted"
    assert "eingeschränkt" in refused.json()["error"]["message"]
    hidden = api("POST", f"/offers/{ids['offer']}/proposals", CARITAS, proposal)
    assert hidden.status_code == 404, hidden.text

    wait_until(lambda: a not in board(api, CARITAS), what="caseboard hides A")
    marked = board(api, COORDINATOR)[a]
    assert (marked["restricted"], marked["restriction_label"]) == (True, "eingeschränkt")
    assert not board(api, COORDINATOR)[b]["restricted"]
    assert drill_down(api, CARITAS) == ({b}, 1)
    assert drill_down(api, COORDINATOR) == ({a, b}, 0)

    wait_until(
        lambda: api("GET", f"/tandem-households/{a}", VOLUNTEER).status_code == 404,
        what="volunteer's view of A gone",
    )
    assert ok(api("GET", "/tandems", VOLUNTEER), 200)["tandems"] == []
    assert api("GET", f"/tandems/{ids['tandem']}", CARITAS).status_code == 404
    coordinator_sees = ok(api("GET", f"/tandems/{ids['tandem']}", COORDINATOR), 200)
    assert coordinator_sees["ended_on"] is None, "restriction is not erasure"
    tandem = {"volunteer_id": ids["volunteer"], "household_id": a, "formed_on": ago(1)}
    again = api("POST", "/tandems", COORDINATOR, tandem)
    assert again.status_code == 409 and again.json()["error"]["code"] == "household_restricted"

    assert report(api) == before

    ok(api("DELETE", f"/households/{a}/restriction", COORDINATOR), 200)
    wait_until(lambda: matched(api, ids["offer"]) == {a, b}, what="A matched again")
    wait_until(lambda: a in board(api, CARITAS), what="A back on the caseboard")
    assert not board(api, COORDINATOR)[a]["restricted"]
    assert drill_down(api, CARITAS) == ({a, b}, 0)
    wait_until(
        lambda: api("GET", f"/tandem-households/{a}", VOLUNTEER).status_code == 200,
        what="volunteer sees A again",
    )
    assert [t["tandem_id"] for t in ok(api("GET", "/tandems", VOLUNTEER), 200)["tandems"]] == [
        ids["tandem"]
    ]
    assert report(api) == before
    ok(api("POST", f"/offers/{ids['offer']}/proposals", CARITAS, proposal))
