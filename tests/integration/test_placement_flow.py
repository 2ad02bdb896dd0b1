"""A coordinator takes a household from registration to "moved into its own flat", using
only the HTTP API; the placement lands on the stream without any personal data.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from datetime import timedelta
from typing import Any

import httpx
from nats.js.errors import NotFoundError

from shared.clock import business_day, today
from shared.envelope import Envelope
from shared.messaging import EVENTS_STREAM
from support.nats_server import connect
from support.system import ROOT, System, household, wait_until

T = today()
PERSONAL = ("Wohnungsbau Musterstadt", "Frau Kontakt", "0221 123456", "Musterstraße 7", "Notiz")


def ago(days: int) -> str:
    return (T - timedelta(days=days)).isoformat()


def ok(response: httpx.Response, status: int = 201) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def offer_body(landlord_id: str, **overrides: Any) -> dict[str, Any]:
    return {
        "landlord_id": landlord_id,
        "district": "ehrenfeld",
        "street_address": "Musterstraße 7",
        "rooms": 3,
        "size_m2": "74.5",
        "cold_rent": "690.00",
        "running_costs": "210.00",
        "available_from": ago(20),
        "wbs_required": True,
        "refugee_quota": True,
        "source": "housing_company_quota",
        "received_on": ago(40),
        "note": "Notiz: Schlüssel beim Hausmeister",
        **overrides,
    }


async def placement_messages(url: str) -> tuple[Envelope, list[bytes]]:
    """The last PlacementCompleted, and every placement message on the stream."""
    nc = await connect(url)
    js = nc.jetstream()
    for _ in range(100):  # the relay publishes right after the commit
        try:
            last = await js.get_last_msg(EVENTS_STREAM, "auszug.placement.PlacementCompleted")
            break
        except NotFoundError:
            await asyncio.sleep(0.1)
    info = await js.stream_info(EVENTS_STREAM)
    bodies = []
    for seq in range(info.state.first_seq, info.state.last_seq + 1):
        msg = await js.get_msg(EVENTS_STREAM, seq)
        if msg.subject and msg.subject.startswith("auszug.placement."):
            bodies.append(msg.data or b"")
    await nc.drain()
    return Envelope.model_validate_json(last.data or b""), bodies


def test_a_household_goes_from_registration_to_its_own_flat(system: System) -> None:
    http, api = system.http, f"{system.gateway}/api"
    hid = ok(system.register(household("2025-06-01", adults=2, minors=1, wbs=True)))["household_id"]
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
    ok(
        http.post(
            f"{api}/households/{hid}/readiness-assessments",
            json={"assessed_on": ago(50), "criteria": criteria, "result": "ready"},
        )
    )
    landlord = {
        "kind": "municipal_housing_company",
        "name": "Wohnungsbau Musterstadt",
        "contact_person": {"name": "Frau Kontakt", "phone": "0221 123456"},
        "cooperation_agreement": True,
        "cooperation_agreed_on": "2018-01-01",
    }
    lid = ok(http.post(f"{api}/landlords", json=landlord))["landlord_id"]
    oid = ok(http.post(f"{api}/offers", json=offer_body(lid)))["offer_id"]

    # Placement learns the household from intake's events: it shows up as a fit.
    def fitting() -> dict[str, Any] | None:
        found = ok(http.get(f"{api}/offers/{oid}/matches"), 200)["matches"]
        match = next((m for m in found if m["household_id"] == hid), None)
        readiness = match and {c["criterion"]: c["verdict"] for c in match["checks"]}["readiness"]
        return match if readiness == "fits" else None

    match = wait_until(fitting, what="household matched with readiness")
    assert match["fits"] and match["adults"] == 2, match

    ok(
        http.post(
            f"{api}/offers/{oid}/proposals", json={"household_ids": [hid], "proposed_on": ago(35)}
        )
    )
    decision = {"household_id": hid, "decision": "accepted", "decided_on": ago(30)}
    ok(http.post(f"{api}/offers/{oid}/landlord-decisions", json=decision))
    viewing = {"household_id": hid, "viewing_on": ago(32)}
    vid = ok(http.post(f"{api}/offers/{oid}/viewings", json=viewing))["viewing_id"]
    held = {"viewing_id": vid, "held_on": ago(32), "outcome": "household_interested"}
    ok(
        http.post(
            f"{api}/offers/{oid}/viewing-outcomes", json={**held, "accompanied_by_tandem": True}
        )
    )
    deposit = {"household_id": hid, "kind": "deposit", "requested_from": "jobcenter"}
    gid = ok(
        http.post(f"{api}/offers/{oid}/guarantees", json={**deposit, "requested_on": ago(29)})
    )["guarantee_id"]
    approved = {"guarantee_id": gid, "decision": "approved", "decided_on": ago(20)}
    ok(http.post(f"{api}/offers/{oid}/guarantee-decisions", json=approved))
    rent = {**deposit, "kind": "rent", "requested_on": ago(25)}
    ok(http.post(f"{api}/offers/{oid}/guarantees", json=rent))  # stays undecided
    # A second flat, proposed 20 days ago, the landlord never answered.
    other = ok(http.post(f"{api}/offers", json=offer_body(lid, district="kalk")))["offer_id"]
    ok(
        http.post(
            f"{api}/offers/{other}/proposals", json={"household_ids": [hid], "proposed_on": ago(20)}
        )
    )

    lease = {"household_id": hid, "lease_signed_on": ago(10), "moved_on": ago(5)}
    ok(http.post(f"{api}/offers/{oid}/lease", json=lease))
    again = http.post(f"{api}/offers/{oid}/lease", json=lease)
    assert again.status_code == 409
    assert "bereits vermietet" in again.json()["error"]["message"]

    completed, bodies = asyncio.run(placement_messages(system.nats.url))
    assert completed.municipality == "koeln" and completed.provider == "caritas"
    assert business_day(completed.occurred_at) == T - timedelta(days=10)
    assert completed.payload == {
        "household_id": hid,
        "offer_id": oid,
        "landlord_id": lid,
        "landlord_kind": "municipal_housing_company",
        "provider": "caritas",
        "adults": 2,
        "minors": 1,
        "refugee_quota": True,
        "volunteer_supported": True,
        "wbs_required": True,
        "household_had_wbs": True,
        "moved_on": ago(5),
        # No rent or size in the request: the lease records the offer's (690 + 210 €).
        "gross_cold_rent": "900.00",
        "warm_rent": None,
        "size_m2": "74.5",
    }
    assert len(bodies) == 12, [Envelope.model_validate_json(b).event_type for b in bodies]
    for body in bodies:
        assert not any(text.encode() in body for text in PERSONAL), body

    shown = ok(http.get(f"{api}/offers/{oid}"), 200)
    assert (shown["status"], shown["let_to"], shown["street_address"]) == (
        "let",
        hid,
        "Musterstraße 7",
    )
    assert ok(http.get(f"{api}/landlords/{lid}"), 200)["contact_person"]["name"] == "Frau Kontakt"

    # Placed: no longer looking, so no more offers for this household.
    wait_until(
        lambda: http.get(f"{api}/households/{hid}/offers").status_code == 404,
        what="placed household no longer searching",
    )

    # The read models, dropped and replayed from the stream, answer exactly as before.
    def read_models() -> list[Any]:
        urls = ["offers", "offers?status=let", "landlords"]
        return [http.get(f"{api}/{url}").json() for url in [*urls, f"offers/{other}/matches"]]

    wait_until(
        lambda: [o["offer_id"] for o in read_models()[1]["offers"]] == [oid], what="offer let"
    )
    live = read_models()
    system["placement"].stop()
    rebuilt = subprocess.run(
        [sys.executable, "-m", "services.placement", "rebuild"],
        cwd=ROOT,
        env=system["placement"].env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert rebuilt.returncode == 0, rebuilt.stderr
    system["placement"].start()
    wait_until(lambda: read_models() == live, what="rebuilt read models equal the live ones")

    # The household page tells the way in plain German, from intake and placement.
    page = http.get(f"{system.gateway}/ui/haushalte/{hid}")
    assert page.status_code == 200
    for step in (
        "Wohnung in Ehrenfeld angeboten",
        "Vermieter hat zugesagt",
        "Besichtigung der Wohnung in Ehrenfeld",
        "Mietvertrag für die Wohnung in Ehrenfeld unterschrieben",
    ):
        assert step in page.text, step

    # The lease was recorded by mistake: a correction, and the year's figures follow it.
    year = (T - timedelta(days=10)).year

    def placed() -> int:
        response = ok(http.get(f"{system.gateway}/api/reports/yearly/{year}"), 200)
        figures = [f for section in response["sections"] for f in section["figures"]]
        return int(next(f["value"] for f in figures if f["key"] == "households_placed"))

    wait_until(lambda: placed() == 1, what="placement counted")
    retraction = {"reason": "lease_not_concluded"}
    caseworker = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas"}
    refused = http.post(f"{api}/offers/{oid}/lease/retraction", json=retraction, headers=caseworker)
    assert refused.status_code == 403
    ok(http.post(f"{api}/offers/{oid}/lease/retraction", json=retraction), 200)
    assert ok(http.get(f"{api}/offers/{oid}"), 200)["status"] == "open"
    wait_until(lambda: placed() == 0, what="placement taken back")
    twice = http.post(f"{api}/offers/{oid}/lease/retraction", json=retraction)
    assert twice.status_code == 409 and "keine Vermittlung" in twice.json()["error"]["message"]
    page = http.get(f"{system.gateway}/ui/haushalte/{hid}")
    assert "zurückgenommen (Mietvertrag kam nicht zustande)" in page.text
