"""A tandem's year over HTTP (Köln, Caritas): a household and a volunteer form a tandem;
an office hour with three consultations by channel; support at a viewing recorded by the
volunteer; a workshop with attendance and a certificate as PDF; the volunteer sees their
tandem's household and nothing else; the lease, published by placement, makes the
placement volunteer-supported on the stream, once.
"""

from __future__ import annotations

import asyncio
import io
from collections import Counter
from datetime import UTC, date, datetime
from typing import Any
from uuid import uuid4

from pypdf import PdfReader

from shared.clock import business_time
from shared.contracts import CONTRACTS
from shared.contracts.placement import LandlordKind, PlacementCompleted
from shared.envelope import Envelope
from shared.messaging import EVENTS_STREAM
from support.nats_server import connect, publisher
from support.system import System, household, wait_until

CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas"}
MARIA = {"x-auszug-role": "volunteer", "x-auszug-user": "maria.s"}
# Personal data sent in requests below: none of it may appear in any event on the stream.
PERSONAL = ("Maria", "Schmitz", "maria.s", "0221 4711", "Yasmin", "Haddad")


class Api:
    def __init__(self, system: System, **headers: str) -> None:
        self.http, self.api, self.headers = system.http, f"{system.gateway}/api", headers

    def post(self, path: str, body: dict[str, Any] | None = None, status: int = 201) -> Any:
        response = self.http.post(f"{self.api}{path}", json=body or {}, headers=self.headers)
        assert response.status_code == status, response.text
        return response.json()

    def get(self, path: str, status: int = 200) -> Any:
        response = self.http.get(f"{self.api}{path}", headers=self.headers)
        assert response.status_code == status, response.text
        return response.json() if "json" in response.headers["content-type"] else response


def placement_completed(household_id: str, lease: date) -> Envelope:
    event = PlacementCompleted(
        household_id=household_id,
        offer_id=uuid4(),
        landlord_id=uuid4(),
        landlord_kind=LandlordKind.municipal_housing_company,
        provider="caritas",
        adults=2,
        minors=3,
        refugee_quota=True,
        volunteer_supported=False,
        wbs_required=True,
        household_had_wbs=True,
        moved_on=date(2025, 10, 1),
        occurred_at=business_time(lease),
    )
    return Envelope(
        event_id=uuid4(),
        event_type=event.event_type,
        schema_version=event.schema_version,
        stream_id=f"offer:koeln:{event.offer_id}",
        stream_version=6,
        municipality="koeln",
        provider="caritas",
        actor="koordinatorin",
        correlation_id=uuid4(),
        causation_id=None,
        occurred_at=event.occurred_at,
        recorded_at=datetime.now(UTC),
        payload=event.payload(),
    )


def publish(url: str, envelope: Envelope, *, msg_id: bool) -> None:
    async def run() -> None:
        nc = await connect(url, publisher(envelope))
        headers = {"Nats-Msg-Id": str(envelope.event_id)} if msg_id else None
        subject = CONTRACTS.subject(envelope.event_type)
        await nc.jetstream().publish(subject, envelope.model_dump_json().encode(), headers=headers)
        await nc.drain()

    asyncio.run(run())


def volunteer_events(url: str) -> list[Envelope]:
    async def run() -> list[Envelope]:
        nc = await connect(url)
        js = nc.jetstream()
        last = (await js.stream_info(EVENTS_STREAM)).state.last_seq
        found = []
        for seq in range(1, last + 1):
            msg = await js.get_msg(EVENTS_STREAM, seq)
            if (msg.subject or "").startswith("auszug.volunteer.") and msg.data:
                found.append(Envelope.model_validate_json(msg.data))
        await nc.drain()
        return found

    return asyncio.run(run())


def start_tandem(system: System) -> tuple[str, str, str]:
    """Household, volunteer (onboarded), tandem; returns their ids."""
    staff = Api(system, **CARITAS)
    household_id = staff.post("/households", household("2025-01-10", adults=2, minors=3))[
        "household_id"
    ]
    volunteer = {
        "provider": "caritas",
        "user_id": "maria.s",
        "registered_on": "2025-01-20",
        "given_name": "Maria",
        "family_name": "Schmitz",
        "phone": "0221 4711",
        "district": "ehrenfeld",
        "languages": ["de", "ar"],
    }
    Api(system, **{"x-auszug-role": "caseworker", "x-auszug-provider": "drk"}).post(
        "/volunteers", volunteer, 403
    )
    volunteer_id = staff.post("/volunteers", volunteer)["volunteer_id"]
    # A tandem discloses the household to a volunteer: the household consents first.
    consent = {"purpose": "volunteer_tandem", "given_on": "2025-01-10", "given_by": "Frau H."}
    staff.post(f"/households/{household_id}/consents", consent)
    tandem = {"volunteer_id": volunteer_id, "household_id": household_id, "formed_on": "2025-02-01"}
    refused = staff.post("/tandems", tandem, 409)
    assert refused["error"]["code"] == "agreement_missing"
    step = {"step": "agreement_signed", "done_on": "2025-01-25"}
    staff.post(f"/volunteers/{volunteer_id}/onboarding", step, 200)
    invalid = staff.post("/tandems", {"volunteer_id": volunteer_id}, 422)
    assert [f["field"] for f in invalid["error"]["fields"]] == ["household_id"]

    def formed() -> str | None:
        # Volunteer learns of the household from intake's event a moment later.
        response = system.http.post(f"{staff.api}/tandems", json=tandem, headers=staff.headers)
        # ... and of the household's consent too.
        not_yet = ("household_unknown", "consent_missing")
        if response.status_code == 409 and response.json()["error"]["code"] in not_yet:
            return None
        assert response.status_code == 201, response.text
        return str(response.json()["tandem_id"])

    tandem_id = wait_until(formed, interval=0.2, what="household known to volunteer")
    return household_id, volunteer_id, tandem_id


def office_hour_and_support(system: System, tandem_id: str, household_id: str) -> None:
    staff = Api(system, **CARITAS)
    consultation = {"visitor": "tandem", "topic": "application", "duration_minutes": 30}
    body = {
        "provider": "caritas",
        "held_on": "2025-03-05",
        "duration_minutes": 120,
        "consultations": [
            {**consultation, "channel": "in_person", "tandem_id": tandem_id},
            {**consultation, "channel": "phone", "visitor": "volunteer_alone"},
            {**consultation, "channel": "email", "visitor": "refugee_alone", "topic": "wbs"},
        ],
    }
    office_hour_id = staff.post("/office-hours", body)["office_hour_id"]
    shown = staff.get(f"/office-hours/{office_hour_id}")
    assert shown["by_channel"] == {"in_person": 1, "phone": 1, "email": 1}
    assert shown["consultations"][0]["household_id"] == household_id

    viewing = {"kind": "viewing", "supported_on": "2025-06-10"}
    Api(system, **MARIA).post(f"/tandems/{tandem_id}/support", viewing)
    Api(system, **{"x-auszug-role": "analyst"}).post(f"/tandems/{tandem_id}/support", viewing, 403)


def workshop_with_certificate(system: System, household_id: str) -> None:
    staff = Api(system, **CARITAS)
    workshop = {
        "provider": "caritas",
        "topic": "tenancy_rights_and_duties",
        "held_on": "2025-04-09",
        "site": "Bürgerzentrum Ehrenfeld",
        "duration_minutes": 180,
    }
    Api(system, **{"x-auszug-role": "analyst"}).post("/workshops", workshop, 403)
    workshop_id = staff.post("/workshops", workshop)["workshop_id"]
    absent = staff.post(
        f"/workshops/{uuid4()}/attendances", {"given_name": "X", "family_name": "Y"}, 409
    )
    assert absent["error"]["code"] == "workshop_unknown"
    person = {"household_id": household_id, "given_name": "Yasmin", "family_name": "Haddad"}
    attendee_id = staff.post(f"/workshops/{workshop_id}/attendances", person)["attendee_id"]
    issued = {"attendee_id": attendee_id, "issued_on": "2025-04-10"}
    certificate_id = staff.post(f"/workshops/{workshop_id}/certificates", issued)["certificate_id"]

    document = staff.get(f"/workshops/{workshop_id}/certificates/{certificate_id}")
    assert document.headers["content-type"] == "application/pdf"
    assert document.content.startswith(b"%PDF")
    text = PdfReader(io.BytesIO(document.content)).pages[0].extract_text()
    assert "Teilnahmebestätigung" in text and "Yasmin Haddad" in text


def volunteer_sees_only_their_tandem(system: System, household_id: str) -> None:
    maria = Api(system, **MARIA)
    other = Api(system, **CARITAS).post("/households", household("2025-01-11"))["household_id"]
    seen = maria.get(f"/tandem-households/{household_id}")
    assert (seen["persons"], seen["tandem_since"], seen["provider"]) == (5, "2025-02-01", "caritas")
    assert not {"given_name", "family_name", "members", "contact"} & set(seen)
    maria.get(f"/tandem-households/{other}", 404)
    maria.get(f"/households/{household_id}", 403)  # intake's full record is not for volunteers
    maria.get("/volunteers", 403)


EXPECTED = Counter(
    {
        "VolunteerRegistered": 1,
        "VolunteerOnboarded": 1,
        "TandemFormed": 1,
        "OfficeHourHeld": 1,
        "ConsultationHeld": 3,
        "TandemSupportRecorded": 1,
        "WorkshopHeld": 1,
        "WorkshopAttended": 1,
        "CertificateIssued": 1,
        "PlacementSupportConfirmed": 1,
        "TandemEnded": 1,
    }
)


def test_a_tandems_year_over_http(system: System) -> None:
    household_id, _, tandem_id = start_tandem(system)
    office_hour_and_support(system, tandem_id, household_id)
    workshop_with_certificate(system, household_id)
    volunteer_sees_only_their_tandem(system, household_id)

    # Placement reports the lease: a tandem was active that day, so it was supported.
    placed = placement_completed(household_id, date(2025, 9, 15))
    publish(system.nats.url, placed, msg_id=True)
    staff = Api(system, **CARITAS)
    wait_until(
        lambda: staff.get(f"/tandems/{tandem_id}")["supported_placements"] == 1,
        what="placement confirmed as volunteer-supported",
    )
    # The same envelope again, past JetStream's de-duplication: confirmed no second time.
    publish(system.nats.url, placed, msg_id=False)
    duplicate = 'auszug_events_consumed_total{consumer="volunteer-placements",outcome="duplicate"}'
    wait_until(lambda: system["volunteer"].metrics().get(duplicate) == 1.0, what=duplicate)

    end = {"ended_on": "2025-09-30", "reason": "flat_found"}
    staff.post(f"/tandems/{tandem_id}/end", end, 200)
    assert staff.post(f"/tandems/{tandem_id}/end", end, 409)["error"]["code"] == "already_ended"
    Api(system, **MARIA).get(f"/tandem-households/{household_id}", 404)

    def all_published() -> list[Envelope] | None:
        found = volunteer_events(system.nats.url)
        return found if Counter(e.event_type for e in found) == EXPECTED else None

    published = wait_until(all_published, what=f"volunteer events {dict(EXPECTED)}")
    confirmed = next(e for e in published if e.event_type == "PlacementSupportConfirmed")
    assert (confirmed.causation_id, confirmed.occurred_at) == (
        placed.event_id,
        business_time(date(2025, 9, 15)),
    )
    assert confirmed.payload["tandem_id"] == tandem_id
    # `actor` names who did it (the login, as on every event of the platform); nothing else
    # carries a login, a name or a phone number.
    assert {e.actor for e in published if e.event_type == "TandemSupportRecorded"} == {"maria.s"}
    wire = " ".join(e.model_dump_json(exclude={"actor"}) for e in published)
    assert not [p for p in PERSONAL if p in wire]
