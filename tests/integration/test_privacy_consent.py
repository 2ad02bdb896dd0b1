"""Consent-gated disclosure over HTTP (Köln, Caritas): a tandem and a hand-over to another
provider each need the household's consent of their own purpose; every disclosure shows
the consent in force on its day; a withdrawal ends the tandem and blocks the next one;
who consented and the wording reach no event on the stream.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from shared.messaging import EVENTS_STREAM
from support.nats_server import connect
from support.system import System, household, wait_until

CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas"}
DRK = {"x-auszug-role": "caseworker", "x-auszug-provider": "drk"}
ANALYST = {"x-auszug-role": "analyst"}
COORDINATOR: dict[str, str] = {}
GIVER, WORDING = "QxConsentGiver Haddad", "QxConsentWording nur für die Wohnungssuche"


def call(system: System, method: str, path: str, who: dict[str, str], body: Any = None) -> Any:
    url = f"{system.gateway}/api{path}"
    return system.http.request(method, url, json=body, headers=who)


def ok(response: httpx.Response, status: int = 201) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def consent(purpose: str, given_on: str) -> dict[str, str]:
    return {"purpose": purpose, "given_on": given_on, "given_by": GIVER, "note": WORDING}


def stream_bytes(url: str) -> bytes:
    """Every message of the events stream, as published."""

    async def run() -> bytes:
        nc = await connect(url)
        js = nc.jetstream()
        last = (await js.stream_info(EVENTS_STREAM)).state.last_seq
        data = [(await js.get_msg(EVENTS_STREAM, seq)).data or b"" for seq in range(1, last + 1)]
        await nc.drain()
        return b"\n".join(data)

    return asyncio.run(run())


def refused_for_consent(response: httpx.Response) -> bool:
    return response.status_code == 409 and response.json()["error"]["code"] == "consent_missing"


def test_disclosures_need_the_matching_consent_and_show_it(system: System) -> None:
    registration = household(
        "2025-03-01",
        consent={"purpose": "Beratung", "given_on": "2025-03-01", "given_by": GIVER},
    )
    hid = ok(system.register(registration, **CARITAS))["household_id"]
    volunteer = {
        "provider": "caritas",
        "user_id": "u-consent",
        "registered_on": "2025-03-01",
        "given_name": "Vera",
        "family_name": "V.",
    }
    vid = ok(call(system, "POST", "/volunteers", CARITAS, volunteer))["volunteer_id"]
    step = {"step": "agreement_signed", "done_on": "2025-03-01"}
    ok(call(system, "POST", f"/volunteers/{vid}/onboarding", CARITAS, step), 200)
    tandem = {"volunteer_id": vid, "household_id": hid, "formed_on": "2025-03-10"}

    # The registration's consent is to processing only: no tandem on it.
    refused = wait_until(
        lambda: (
            (r := call(system, "POST", "/tandems", CARITAS, tandem))
            and (r if refused_for_consent(r) else None)
        ),
        interval=0.2,
        what="volunteer knows the household and refuses for want of consent",
    )
    assert "erneut versuchen" in refused.json()["error"]["message"]

    path = f"/households/{hid}/consents"
    cid = ok(call(system, "POST", path, CARITAS, consent("volunteer_tandem", "2025-03-05")))[
        "consent_id"
    ]

    def formed() -> str | None:
        response = call(system, "POST", "/tandems", CARITAS, tandem)
        if refused_for_consent(response):
            return None  # volunteer learns the consent a moment later
        return str(ok(response)["tandem_id"])

    tid = wait_until(formed, interval=0.2, what="the tandem formed on the consent")

    detail = ok(call(system, "GET", f"/households/{hid}", CARITAS), 200)
    assert [(c["purpose"], c["given_by"]) for c in detail["consents"]] == [
        ("data_processing", GIVER),
        ("volunteer_tandem", GIVER),
    ]

    def disclosed() -> list[dict[str, Any]] | None:
        items = ok(call(system, "GET", f"/households/{hid}/disclosures", CARITAS), 200)["items"]
        return items or None

    (shown,) = wait_until(disclosed, interval=0.2, what="intake learnt of the tandem")
    assert (shown["kind"], shown["tandem_id"], shown["disclosed_on"]) == (
        "volunteer_tandem",
        tid,
        "2025-03-10",
    )
    assert (shown["consent"]["consent_id"], shown["consent"]["given_on"]) == (cid, "2025-03-05")
    assert call(system, "GET", f"/households/{hid}/disclosures", DRK).status_code == 404
    assert call(system, "GET", f"/households/{hid}/disclosures", ANALYST).status_code == 403

    # Withdrawn: the tandem ends that day, and no new one rests on the consent.
    withdrawal = {"withdrawn_on": "2025-04-01"}
    ok(call(system, "POST", f"{path}/{cid}/withdrawal", CARITAS, withdrawal), 200)
    wait_until(
        lambda: (
            ok(call(system, "GET", f"/tandems/{tid}", CARITAS), 200)["ended_on"] == "2025-04-01"
        ),
        interval=0.2,
        what="the tandem ended by the withdrawal",
    )
    again = {**tandem, "formed_on": "2025-04-15"}
    assert refused_for_consent(call(system, "POST", "/tandems", CARITAS, again))
    shown = ok(call(system, "GET", f"/households/{hid}/disclosures", CARITAS), 200)["items"][0]
    assert shown["consent"]["withdrawn_on"] == "2025-04-01"

    # A hand-over to another provider needs its own consent.
    handover = {"to_provider": "drk", "handed_over_on": "2025-04-20"}
    refused = call(system, "POST", f"/households/{hid}/handover", COORDINATOR, handover)
    assert refused_for_consent(refused), refused.text
    assert "anderen Träger" in refused.json()["error"]["message"]
    ok(call(system, "POST", path, CARITAS, consent("provider_handover", "2025-04-18")))
    ok(call(system, "POST", f"/households/{hid}/handover", COORDINATOR, handover), 200)
    items = ok(call(system, "GET", f"/households/{hid}/disclosures", DRK), 200)["items"]
    assert [(i["kind"], i["consent"]["given_on"]) for i in items] == [
        ("volunteer_tandem", "2025-03-05"),
        ("provider_handover", "2025-04-18"),
    ]
    assert call(system, "GET", f"/households/{hid}/disclosures", CARITAS).status_code == 404

    # Who consented and the wording are in no event on the stream.
    wait_until(
        lambda: b"HouseholdHandedOver" in stream_bytes(system.nats.url),
        what="the hand-over on the stream",
    )
    published = stream_bytes(system.nats.url)
    assert b"HouseholdConsentWithdrawn" in published
    for personal in (GIVER, WORDING, "Beratung"):
        assert personal.encode() not in published, personal
