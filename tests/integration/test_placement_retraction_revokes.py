"""A placement recorded by mistake is retracted: intake revokes the move-out it caused, and
every context takes the household back — intake's API shows it active, placement matches it
again, the caseboard shows the case, prevention withdraws the aftercare offer the household
had accepted, and the yearly report of its provider equals that of a control household
registered the same day and never placed, every figure compared. A redelivered retraction
changes nothing.

("As known on" a day before the revocation cannot be asked here: everything in this test
is recorded today. tests/unit/test_revocation_reporting.py proves it on chosen days.)
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import httpx

from shared.clock import today
from shared.messaging import EVENTS_STREAM
from support.nats_server import connect
from support.system import System, household, wait_until

T = today()


def ago(days: int) -> str:
    return (T - timedelta(days=days)).isoformat()


def ok(response: httpx.Response, status: int = 201) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def report(system: System, year: int, provider: str) -> dict[str, Any]:
    """Every figure and breakdown item of `provider`'s yearly report, by key."""
    response = system.http.get(
        f"{system.gateway}/api/reports/yearly/{year}", params={"provider": provider}
    )
    values: dict[str, Any] = {}
    for section in ok(response, 200)["sections"]:
        for f in section["figures"]:
            values[f["key"]] = f["value"]
            for b in f.get("breakdowns", []):
                for item in b["items"]:
                    values[f"{f['key']}:{b['dimension']}:{item['code']}"] = item["value"]
    return values


def republish_last(url: str, subject: str) -> None:
    """The last message on `subject` again, past JetStream's de-duplication."""

    async def run() -> None:
        reader = await connect(url)
        last = await reader.jetstream().get_last_msg(EVENTS_STREAM, subject)
        await reader.drain()
        # Published again by the service that owns the subject (auszug.<context>.<Type>).
        nc = await connect(url, subject.split(".")[1])
        await nc.jetstream().publish(subject, last.data or b"")
        await nc.drain()

    asyncio.run(run())


def test_a_retracted_placement_gives_the_household_back_its_place(system: System) -> None:
    http, api = system.http, f"{system.gateway}/api"

    def registered(provider: str) -> str:
        body = household(registered_on=ago(40), provider=provider, adults=2, minors=1)
        return str(ok(system.register(body))["household_id"])

    hid, control = registered("caritas"), registered("drk")
    landlord = {"kind": "private", "name": "Vermieterin", "registered_on": ago(60)}
    lid = ok(http.post(f"{api}/landlords", json=landlord))["landlord_id"]
    offer = {
        "landlord_id": lid,
        "district": "kalk",
        "rooms": 3,
        "size_m2": "70",
        "cold_rent": "600.00",
        "running_costs": "200.00",
        "available_from": ago(30),
        "wbs_required": False,
        "refugee_quota": False,
        "source": "private_landlord",
        "received_on": ago(30),
    }
    oid = ok(http.post(f"{api}/offers", json=offer))["offer_id"]
    other = ok(http.post(f"{api}/offers", json=offer))["offer_id"]

    def matched(offer_id: str, household_id: str) -> bool:
        found = ok(http.get(f"{api}/offers/{offer_id}/matches"), 200)["matches"]
        return any(m["household_id"] == household_id for m in found)

    # Both are proposed and accepted, each for a flat of its own; only one signs.
    for offer_id, household_id in ((oid, hid), (other, control)):

        def known(o: str = offer_id, h: str = household_id) -> bool:
            return matched(o, h)

        wait_until(known, what="household known to placement")
        proposal = {"household_ids": [household_id], "proposed_on": ago(20)}
        ok(http.post(f"{api}/offers/{offer_id}/proposals", json=proposal))
        decision = {"household_id": household_id, "decision": "accepted", "decided_on": ago(15)}
        ok(http.post(f"{api}/offers/{offer_id}/landlord-decisions", json=decision))
    lease = {"household_id": hid, "lease_signed_on": ago(10), "moved_on": ago(5)}
    ok(http.post(f"{api}/offers/{oid}/lease", json=lease))

    def status() -> str:
        return str(ok(http.get(f"{api}/households/{hid}"), 200)["status"])

    wait_until(lambda: status() == "deregistered", what="deregistered by the placement")
    years = sorted({(T - timedelta(days=d)).year for d in (40, 10, 5)})
    year = years[-1]
    wait_until(
        lambda: report(system, year, "caritas")["households_deregistered"] == 1,
        what="move-out counted",
    )
    assert report(system, year, "caritas") != report(system, year, "drk")

    def aftercare() -> dict[str, Any] | None:
        offers = ok(http.get(f"{api}/prevention/aftercare"), 200)["offers"]
        return next((o for o in offers if o["household_id"] == hid), None)

    wait_until(aftercare, what="aftercare offered")
    ok(http.post(f"{api}/prevention/aftercare/{hid}/acceptance", json={}), 200)

    ok(
        http.post(f"{api}/offers/{oid}/lease/retraction", json={"reason": "entered_by_mistake"}),
        200,
    )

    wait_until(lambda: status() == "active", what="household active again")
    shown = ok(http.get(f"{api}/households/{hid}"), 200)
    assert (shown["provider"], shown["persons"], shown["deregistration"]) == ("caritas", 3, None)
    wait_until(lambda: matched(oid, hid), what="among the offer's matches again")
    wait_until(lambda: (aftercare() or {})["status"] == "withdrawn", what="aftercare withdrawn")
    page = http.get(f"{system.gateway}/ui/praevention/nachbetreuung")
    assert "zurückgezogen (Vermittlung zurückgenommen)" in page.text

    def card() -> dict[str, Any] | None:
        cases = ok(http.get(f"{api}/caseboard"), 200)["cases"]
        return next((c for c in cases if c["household_id"] == hid), None)

    reopened = wait_until(card, what="back on the caseboard")
    assert (reopened["stage"], reopened["stage_since"]) == ("registered", ago(40))

    for y in years:

        def as_if_never_placed(y: int = y) -> bool:
            return bool(report(system, y, "caritas") == report(system, y, "drk"))

        wait_until(as_if_never_placed, what=f"report {y} as if never placed")
    stock = f"{api}/reports/stock"
    assert (
        ok(http.get(stock, params={"on": ago(1), "provider": "caritas"}), 200)["figures"]
        == ok(http.get(stock, params={"on": ago(1), "provider": "drk"}), 200)["figures"]
    )

    # The retraction again, past JetStream's de-duplication: the consumer drops it.
    version = shown["version"]
    republish_last(system.nats.url, "auszug.placement.PlacementRetracted")
    duplicate = 'auszug_events_consumed_total{consumer="intake-placements",outcome="duplicate"}'
    wait_until(lambda: (system["intake"].metrics().get(duplicate) or 0) >= 1, what=duplicate)
    assert ok(http.get(f"{api}/households/{hid}"), 200)["version"] == version
