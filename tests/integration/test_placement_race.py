"""Two coordinators race for one flat: one lease succeeds, the other gets a conflict.
On the way there, caseworkers propose only their own provider's households.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import httpx
import nats

from shared.messaging import EVENTS_STREAM
from support.nats_server import connect
from support.system import System, household, wait_until

CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas"}
DRK = {"x-auszug-role": "caseworker", "x-auszug-provider": "drk"}


def ok(response: httpx.Response, status: int = 201) -> Any:
    assert response.status_code == status, response.text
    return response.json()


async def placements_on_stream(url: str) -> int:
    nc = await connect(url)
    js = nc.jetstream()
    sub = await js.pull_subscribe("auszug.placement.PlacementCompleted", stream=EVENTS_STREAM)
    try:
        messages = await sub.fetch(10, timeout=1)
    except nats.errors.TimeoutError:
        messages = []
    await nc.drain()
    return len(messages)


def test_two_leases_for_one_flat_one_201_one_409(system: System) -> None:
    http, api = system.http, f"{system.gateway}/api"
    lid = ok(http.post(f"{api}/landlords", json={"kind": "housing_company", "name": "WG Süd"}))[
        "landlord_id"
    ]
    offer = {
        "landlord_id": lid,
        "district": "nippes",
        "rooms": 2,
        "size_m2": 60,
        "cold_rent": 520,
        "running_costs": 160,
        "available_from": "2025-07-01",
        "wbs_required": False,
        "source": "private_landlord",
        "received_on": "2025-06-01",
    }
    oid = ok(http.post(f"{api}/offers", json=offer))["offer_id"]
    ours = ok(system.register(household(provider="caritas"), **CARITAS))["household_id"]
    theirs = ok(system.register(household(provider="drk", adults=2)))["household_id"]

    def known() -> bool:
        found = ok(http.get(f"{api}/offers/{oid}/matches"), 200)["matches"]
        return {m["household_id"] for m in found} == {ours, theirs}

    wait_until(known, what="both households known to placement")
    mine = ok(http.get(f"{api}/offers/{oid}/matches", headers=CARITAS), 200)["matches"]
    assert [m["household_id"] for m in mine] == [ours]

    propose = f"{api}/offers/{oid}/proposals"
    dated = {"proposed_on": "2025-06-02"}
    assert (
        http.post(propose, json={"household_ids": [ours], **dated}, headers=DRK).status_code == 404
    )
    volunteer = {"x-auszug-role": "volunteer"}
    assert http.post(propose, json={"household_ids": [ours]}, headers=volunteer).status_code == 403
    ok(http.post(propose, json={"household_ids": [ours], **dated}, headers=CARITAS))
    ok(http.post(propose, json={"household_ids": [theirs], **dated}))
    decisions = f"{api}/offers/{oid}/landlord-decisions"
    for hid in (ours, theirs):
        accept = {"household_id": hid, "decision": "accepted", "decided_on": "2025-06-05"}
        assert http.post(decisions, json=accept, headers=CARITAS).status_code == 403
        ok(http.post(decisions, json=accept))

    barrier = threading.Barrier(2)
    statuses: list[int] = []

    def sign(hid: str) -> None:
        lease = {"household_id": hid, "lease_signed_on": "2025-06-10", "moved_on": "2025-07-01"}
        barrier.wait()
        statuses.append(http.post(f"{api}/offers/{oid}/lease", json=lease).status_code)

    threads = [threading.Thread(target=sign, args=(hid,)) for hid in (ours, theirs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [201, 409]
    wait_until(lambda: asyncio.run(placements_on_stream(system.nats.url)) == 1, what="1 placement")
    assert ok(http.get(f"{api}/offers/{oid}"), 200)["status"] == "let"
