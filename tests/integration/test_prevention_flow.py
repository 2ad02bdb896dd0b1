"""Wohnintegrationshilfe end to end over HTTP: a case from referral to closing, with the
housing office deciding and the provider (SKM) doing the help; the events on the stream
carry no personal data. A `PlacementCompleted` published twice yields one aftercare offer.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta
from typing import Any
from uuid import uuid4

from shared.envelope import Envelope
from shared.messaging import EVENTS_STREAM
from support.bus import T, ago, placement_envelope, publish
from support.nats_server import connect
from support.system import System, wait_until

SKM = {"x-auszug-role": "caseworker", "x-auszug-provider": "skm", "x-auszug-user": "skm-1"}
DRK = {"x-auszug-role": "caseworker", "x-auszug-provider": "drk"}
OFFICE = {"x-auszug-role": "housing_office", "x-auszug-user": "fachstelle-1"}
# Personal data sent below: none of it may appear in any event on the stream.
PERSONAL = ("Familie Demir", "0221 445566", "Keupstraße 9", "Frau Sozialraum", "Schulden")


def ahead(days: int) -> str:
    return (T + timedelta(days=days)).isoformat()


class Staff:
    """The prevention API as one person uses it (the headers say who)."""

    def __init__(self, system: System, headers: dict[str, str] | None = None) -> None:
        self.http, self.api = system.http, f"{system.gateway}/api/prevention"
        self.headers = headers or {}

    def post(self, path: str, body: dict[str, Any], status: int = 200) -> Any:
        response = self.http.post(f"{self.api}{path}", json=body, headers=self.headers)
        assert response.status_code == status, response.text
        return response.json()

    def get(self, path: str, status: int = 200) -> Any:
        response = self.http.get(f"{self.api}{path}", headers=self.headers)
        assert response.status_code == status, response.text
        return response.json()


def stream_events(url: str, prefix: str = "auszug.prevention.") -> list[Envelope]:
    async def run() -> list[Envelope]:
        nc = await connect(url)
        js = nc.jetstream()
        info = await js.stream_info(EVENTS_STREAM)
        found = []
        for seq in range(info.state.first_seq, info.state.last_seq + 1):
            msg = await js.get_msg(EVENTS_STREAM, seq)
            if (msg.subject or "").startswith(prefix) and msg.data:
                found.append(Envelope.model_validate_json(msg.data))
        await nc.drain()
        return found

    return asyncio.run(run())


def refer_and_admit(system: System) -> str:
    skm, office = Staff(system, SKM), Staff(system, OFFICE)
    referral = {
        "provider": "skm",
        "received_on": ago(110),
        "source": "social_space_coordination",
        "target_group": "secured_tenancy_at_risk_of_recurrence",
        "housing_situation": "own_tenancy",
        "adults": 2,
        "minors": 3,
        "contact": {"name": "Familie Demir", "phone": "0221 445566"},
        "street_address": "Keupstraße 9",
        "referred_by": "Frau Sozialraum",
        "note": "Schulden beim Vermieter",
    }
    invalid = skm.post("/cases", {**referral, "housing_situation": "assigned_flat"}, 422)
    assert [f["field"] for f in invalid["error"]["fields"]] == ["housing_situation"]
    case_id: str = skm.post("/cases", referral, 201)["case_id"]
    skm.post(f"/cases/{case_id}/eligibility", {"checked_on": ago(105), "comparable_help": []})
    admission = {"admitted_on": ago(100), "ends_on": ahead(30)}
    refused = skm.post(f"/cases/{case_id}/admission", admission, 403)
    # Admission is the Fachstelle Wohnen's only (ADMIT_CASE's roles): refused before it is read.
    assert refused["error"]["message"] == "Ihre Rolle darf das nicht."
    office.post(f"/cases/{case_id}/admission", admission)
    again = office.post(f"/cases/{case_id}/admission", admission, 409)
    assert again["error"]["code"] == "already_admitted"
    return case_id


def do_the_help(system: System, case_id: str) -> None:
    skm, office = Staff(system, SKM), Staff(system, OFFICE)
    first = {"findings": ["rent_arrears", "economic_difficulties"], "done_on": ago(80)}
    refused = skm.post(f"/cases/{case_id}/home-visits", first, 409)
    assert refused["error"]["code"] == "no_consent"
    skm.post(f"/cases/{case_id}/consent", {"given_on": ago(99)})
    skm.post(f"/cases/{case_id}/visit-rhythm", {"every_days": 14, "planned_on": ago(99)})
    empty = skm.post(f"/cases/{case_id}/home-visits", {"findings": []}, 422)
    assert [f["field"] for f in empty["error"]["fields"]] == ["findings"]
    note = {"note": "Schulden beim Stromversorger, Ratenzahlung besprochen"}
    skm.post(f"/cases/{case_id}/home-visits", {**first, **note}, 201)
    overdue = skm.get("/visits/overdue")["visits"]
    assert [(v["case_id"], v["days_overdue"]) for v in overdue] == [(case_id, 66)]
    Staff(system, DRK).get(f"/cases/{case_id}", 404)
    Staff(system, {"x-auszug-role": "analyst"}).get("/visits/overdue", 403)

    second = {"findings": ["none"], "done_on": ago(10)}
    skm.post(f"/cases/{case_id}/home-visits", second, 201)
    assert skm.get("/visits/overdue")["visits"] == []
    skm.post(
        f"/cases/{case_id}/referrals-out", {"kind": "debt_counselling", "referred_on": ago(9)}, 201
    )
    skm.post(f"/cases/{case_id}/extension", {"ends_on": ahead(120)}, 403)
    office.post(f"/cases/{case_id}/extension", {"ends_on": ahead(120), "extended_on": ago(5)})
    lease = skm.post(f"/cases/{case_id}/closing", {"outcome": "own_lease_signed"}, 409)
    assert lease["error"]["code"] == "own_lease_not_applicable"
    skm.post(f"/cases/{case_id}/closing", {"outcome": "tenancy_kept", "note": "Schulden geregelt"})


EXPECTED = Counter(
    {
        "ReferralReceived": 1,
        "EligibilityChecked": 1,
        "CaseAdmitted": 1,
        "ConsentRecorded": 1,
        "VisitRhythmPlanned": 1,
        "HomeVisitDone": 2,
        "ReferredOut": 1,
        "CaseExtended": 1,
        "CaseClosed": 1,
    }
)


def check_case_and_its_events(system: System, case_id: str) -> None:
    shown = Staff(system).get(f"/cases/{case_id}")  # the coordinator sees every case
    assert (shown["status"], shown["outcome"], shown["closed_on"]) == (
        "closed",
        "tenancy_kept",
        T.isoformat(),
    )
    assert shown["contact"]["name"] == "Familie Demir" and shown["with_children"]
    assert [v["findings"] for v in shown["home_visits"]] == [
        ["economic_difficulties", "rent_arrears"],
        ["none"],
    ]

    def all_published() -> list[Envelope] | None:
        found = [e for e in stream_events(system.nats.url) if e.stream_id.startswith("case:")]
        return found if Counter(e.event_type for e in found) == EXPECTED else None

    events = wait_until(all_published, what=f"prevention events {dict(EXPECTED)}")
    assert {(e.municipality, e.provider) for e in events} == {("koeln", "skm")}
    admitted = next(e for e in events if e.event_type == "CaseAdmitted")
    assert admitted.actor == "fachstelle-1" and admitted.payload["minors"] == 3
    closed = next(e for e in events if e.event_type == "CaseClosed")
    assert closed.payload["admitted_on"] == ago(100)
    wire = " ".join(e.model_dump_json() for e in events)
    assert not [text for text in PERSONAL if text in wire]


def offer_aftercare_once(system: System) -> None:
    household_id = str(uuid4())
    placed = placement_envelope(household_id)
    publish(system.nats.url, placed, str(placed.event_id))
    # The same event again under another message id: JetStream cannot drop it, we must.
    publish(system.nats.url, placed, str(uuid4()))
    duplicate = 'auszug_events_consumed_total{consumer="prevention-aftercare",outcome="duplicate"}'
    wait_until(lambda: system["prevention"].metrics().get(duplicate) == 1.0, what=duplicate)
    offers = Staff(system).get("/aftercare")["offers"]
    assert [(o["household_id"], o["status"], o["minors"]) for o in offers] == [
        (household_id, "offered", 2)
    ]

    def offered() -> list[Envelope] | None:
        found = [e for e in stream_events(system.nats.url) if e.event_type == "AftercareOffered"]
        return found or None

    offers_on_stream = wait_until(offered, what="AftercareOffered on the stream")
    assert len(offers_on_stream) == 1
    assert offers_on_stream[0].causation_id == placed.event_id
    caritas = Staff(system, {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas"})
    Staff(system, SKM).post(f"/aftercare/{household_id}/acceptance", {}, 404)
    accepted = caritas.post(f"/aftercare/{household_id}/acceptance", {})
    assert accepted["status"] == "accepted"


def test_a_prevention_case_from_referral_to_closing_and_aftercare_once(system: System) -> None:
    case_id = refer_and_admit(system)
    do_the_help(system, case_id)
    check_case_and_its_events(system, case_id)
    offer_aftercare_once(system)
