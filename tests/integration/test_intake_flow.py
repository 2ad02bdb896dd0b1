"""Intake end to end over HTTP (Bergisch Gladbach's central inbox): an inquiry becomes a
household case; the household changes, is assessed, is flagged as a possible duplicate
that is kept apart; a `PlacementCompleted` on JetStream deregisters it, exactly once.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, date, datetime
from typing import Any
from uuid import uuid4

from shared.clock import business_time
from shared.contracts import CONTRACTS
from shared.contracts.placement import LandlordKind, PlacementCompleted
from shared.envelope import Envelope
from shared.messaging import EVENTS_STREAM
from support.nats_server import connect, publisher
from support.system import System, household, wait_until

GL = {"x-auszug-municipality": "bergisch-gladbach"}
CRITERIA = ["rent_payment", "tenancy_knowledge", "neighbourhood", "household_management"]
# Personal data sent in requests below: none of it may appear in any event on the stream.
PERSONAL = ("Haddad", "HADDAD", "1984-07-12", "02202 1234", "Wohnung gesucht", "Frau H", "Noor")


def placement_envelope(household_id: str) -> Envelope:
    event = PlacementCompleted(
        household_id=household_id,
        offer_id=uuid4(),
        landlord_id=uuid4(),
        landlord_kind=LandlordKind.private,
        provider="caritas",
        adults=2,
        minors=2,
        refugee_quota=False,
        volunteer_supported=True,
        wbs_required=False,
        household_had_wbs=True,
        moved_on=date(2025, 6, 30),
        occurred_at=business_time(date(2025, 6, 20)),
    )
    return Envelope(
        event_id=uuid4(),
        event_type=event.event_type,
        schema_version=event.schema_version,
        stream_id=f"offer:bergisch-gladbach:{event.offer_id}",
        stream_version=5,
        municipality="bergisch-gladbach",
        provider="caritas",
        actor="koordinatorin",
        correlation_id=uuid4(),
        causation_id=None,
        occurred_at=event.occurred_at,
        recorded_at=datetime.now(UTC),
        payload=event.payload(),
    )


def publish(url: str, envelope: Envelope, *, msg_id: bool) -> None:
    """As the relay does (`Nats-Msg-Id`), or as a late republish JetStream cannot spot."""

    async def run() -> None:
        nc = await connect(url, publisher(envelope))
        headers = {"Nats-Msg-Id": str(envelope.event_id)} if msg_id else None
        subject = CONTRACTS.subject(envelope.event_type)
        await nc.jetstream().publish(subject, envelope.model_dump_json().encode(), headers=headers)
        await nc.drain()

    asyncio.run(run())


def intake_events(url: str) -> list[Envelope]:
    async def run() -> list[Envelope]:
        nc = await connect(url)
        js = nc.jetstream()
        last = (await js.stream_info(EVENTS_STREAM)).state.last_seq
        found = []
        for seq in range(1, last + 1):
            msg = await js.get_msg(EVENTS_STREAM, seq)
            if (msg.subject or "").startswith("auszug.intake.") and msg.data:
                found.append(Envelope.model_validate_json(msg.data))
        await nc.drain()
        return found

    return asyncio.run(run())


class Staff:
    """The HTTP API as one person of Bergisch Gladbach uses it (coordinator by default)."""

    def __init__(self, system: System, **headers: str) -> None:
        self.http, self.api = system.http, f"{system.gateway}/api"
        self.headers = {**GL, **headers}

    def post(self, path: str, body: dict[str, Any] | None = None, status: int = 200) -> Any:
        response = self.http.post(f"{self.api}{path}", json=body, headers=self.headers)
        assert response.status_code == status, response.text
        return response.json()

    def get(self, path: str, status: int = 200) -> Any:
        response = self.http.get(f"{self.api}{path}", headers=self.headers)
        assert response.status_code == status, response.text
        return response.json()


HEAD = {"role": "head", "age_band": "27-64", "family_name": "Haddad", "birth_date": "1984-07-12"}
ASSESSMENT = {
    "assessed_on": "2025-06-01",
    "criteria": {**dict.fromkeys(CRITERIA, "met"), "language_for_contracts": "partly"},
    "result": "ready_with_support",
}


def open_case_from_inquiry(system: System) -> str:
    """An e-mail to the central inbox becomes a registered household; returns its id."""
    gl = Staff(system)
    inquiry = {
        "sender_kind": "resident",
        "channel": "email",
        "received_at": "2025-05-02T08:00:00+02:00",
        "sender_name": "Frau Haddad",
        "text": "Wohnung gesucht, wir leben seit 2019 in der Unterkunft.",
    }
    Staff(system, **{"x-auszug-role": "analyst"}).post("/inquiries", inquiry, 403)
    inquiry_id = gl.post("/inquiries", inquiry, 201)["inquiry_id"]
    assert [i["inquiry_id"] for i in gl.get("/inquiries")["items"]] == [inquiry_id]

    consent = {
        "purpose": "Vermittlung in Wohnraum",
        "given_on": "2025-05-02",
        "given_by": "Frau H.",
    }
    body = household("2025-05-02", adults=1, minors=1, wbs=True, wbs_valid_until="2026-04-30")
    body.update(languages=["ar", "de"], contact={"phone": "02202 1234"}, consent=consent)
    body["members"][0] = HEAD
    household_id: str = gl.post("/households", body, 201)["household_id"]

    case = {"outcome": "opened_as_case", "household_id": household_id}
    gl.post(f"/inquiries/{inquiry_id}/triage", {**case, "triaged_at": "2025-05-02T10:30:00+02:00"})
    shown = gl.get(f"/inquiries/{inquiry_id}")
    assert (shown["last_outcome"], shown["first_triaged_at"]) == (
        "opened_as_case",
        "2025-05-02T08:30:00Z",
    )
    assert gl.get("/inquiries")["items"] == []
    return household_id


def change_and_assess(system: System, household_id: str) -> None:
    gl = Staff(system)
    child = {"role": "child", "age_band": "0-5", "given_name": "Noor"}
    birth = {"change": "birth", "changed_on": "2025-05-20", "joining": [child]}
    gl.post(f"/households/{household_id}/composition", birth)
    incomplete = {**ASSESSMENT, "criteria": {}}
    refused = gl.post(f"/households/{household_id}/readiness-assessments", incomplete, 422)
    assert [f["field"] for f in refused["error"]["fields"]] == ["criteria"]
    gl.post(f"/households/{household_id}/readiness-assessments", ASSESSMENT, 201)


def flag_and_keep_apart(system: System, household_id: str) -> None:
    """A look-alike registration (same name and birth date) is flagged, then kept apart."""
    gl = Staff(system)
    twin = household("2025-06-02", provider="drk")
    twin["members"][0] = {**HEAD, "family_name": "HADDAD"}
    twin_id = gl.post("/households", twin, 201)["household_id"]
    flags = gl.get("/households/duplicates")["items"]
    assert [(f["household_id"], f["other_household_id"]) for f in flags] == [
        (twin_id, household_id)
    ]
    decided = gl.post(f"/households/{twin_id}/duplicates/{household_id}/dismiss")
    assert decided["status"] == "dismissed"
    assert gl.get("/households/duplicates")["items"] == []


EXPECTED = Counter(
    {
        "InquiryReceived": 1,
        "InquiryTriaged": 1,
        "HouseholdRegistered": 2,
        # The registration's consent, to processing by the provider (`data_processing`).
        "HouseholdConsentGiven": 1,
        "HouseholdCompositionChanged": 1,
        "HousingReadinessAssessed": 1,
        "PossibleDuplicateFlagged": 1,
        "DuplicateDismissed": 1,
        "HouseholdDeregistered": 1,
    }
)


def test_from_inquiry_to_placement_over_http(system: System) -> None:
    gl = Staff(system)
    household_id = open_case_from_inquiry(system)
    change_and_assess(system, household_id)
    flag_and_keep_apart(system, household_id)
    detail = gl.get(f"/households/{household_id}")
    assert (detail["persons"], detail["status"], detail["current_readiness"]) == (
        3,
        "active",
        "ready_with_support",
    )
    drk = Staff(system, **{"x-auszug-role": "caseworker", "x-auszug-provider": "drk"})
    drk.get(f"/households/{household_id}", 404)

    # Placement reports the move: intake deregisters the household from its accommodation.
    placed = placement_envelope(household_id)
    publish(system.nats.url, placed, msg_id=True)

    def deregistered() -> dict[str, Any] | None:
        shown: dict[str, Any] = gl.get(f"/households/{household_id}")
        return shown if shown["status"] == "deregistered" else None

    detail = wait_until(deregistered, what="household deregistered by the placement")
    assert detail["deregistration"] == {
        "reason": "moved_out_via_placement",
        "deregistered_on": "2025-06-30",
        "note": None,
    }
    refused = gl.post(f"/households/{household_id}/readiness-assessments", ASSESSMENT, 409)
    assert refused["error"]["code"] == "deregistered"

    # The same envelope again, past JetStream's de-duplication: the consumer drops it.
    publish(system.nats.url, placed, msg_id=False)
    duplicate = 'auszug_events_consumed_total{consumer="intake-placements",outcome="duplicate"}'
    wait_until(lambda: system["intake"].metrics().get(duplicate) == 1.0, what=duplicate)
    assert gl.get(f"/households/{household_id}")["version"] == detail["version"]

    # On the stream: every fact as an event, caused by what caused it, no personal data.
    def all_published() -> list[Envelope] | None:
        events = intake_events(system.nats.url)
        return events if Counter(e.event_type for e in events) == EXPECTED else None

    events = wait_until(all_published, what=f"intake events {dict(EXPECTED)}")
    gone = next(e for e in events if e.event_type == "HouseholdDeregistered")
    assert (gone.actor, gone.causation_id, gone.correlation_id) == (
        "system:intake",
        placed.event_id,
        placed.correlation_id,
    )
    wire = " ".join(e.model_dump_json() for e in events)
    assert not [p for p in PERSONAL if p in wire]
