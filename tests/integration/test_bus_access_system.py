"""The probe's bus attacks against the running system (issue 12, findings 1.6–1.8), on
both backends: a forged request with a made-up coordinator, a forged registration and a
stream deletion, each tried with every credential a process other than the gateway (or,
for the stream, the operator) could hold. None reads, counts or deletes anything."""

from __future__ import annotations

import asyncio
import json
from uuid import uuid4

from nats.errors import Error as NatsError

from shared.envelope import Envelope
from shared.messaging import EVENTS_STREAM
from shared.nats_auth import GATEWAY, OPERATOR, PRINCIPALS
from support.nats_server import connect
from support.system import System, household

NOT_GATEWAY = [p for p in PRINCIPALS if p != GATEWAY]


def forged_caller() -> dict[str, str]:
    return {
        "user_id": "forged-by-probe",
        "role": "coordinator",
        "municipality": "koeln",
        "correlation_id": str(uuid4()),
    }


async def attack(url: str, household_id: str, registration: bytes) -> dict[str, str]:
    """Each attempt by each principal, and how it ended."""
    outcomes = {}
    request = json.dumps(
        {"caller": forged_caller(), "body": {"household_id": household_id}}
    ).encode()
    for principal in NOT_GATEWAY:
        nc = await connect(url, principal, allow_reconnect=False)
        try:
            try:
                await nc.request("auszug.rpc.intake.get_household", request, timeout=1)
                outcomes[f"{principal} read a household"] = "answered"
            except NatsError:
                outcomes[f"{principal} read a household"] = "refused"
            if principal != "intake":
                try:
                    await nc.jetstream().publish(
                        "auszug.intake.HouseholdRegistered",
                        registration,
                        headers={"Nats-Msg-Id": str(uuid4())},
                        timeout=1,
                    )
                    outcomes[f"{principal} forged a registration"] = "stored"
                except NatsError:
                    outcomes[f"{principal} forged a registration"] = "refused"
            if principal != OPERATOR:
                try:
                    await nc.jetstream().delete_stream(EVENTS_STREAM)
                    outcomes[f"{principal} deleted the stream"] = "deleted"
                except NatsError:
                    outcomes[f"{principal} deleted the stream"] = "refused"
        finally:
            await nc.close()
    return outcomes


def test_forged_requests_events_and_stream_deletion_are_refused(system: System) -> None:
    response = system.register(household(registered_on="2025-03-03"))
    assert response.status_code == 201
    household_id = response.json()["household_id"]
    before = system.wait_for_households(2025, 1)

    async def a_real_registration() -> bytes:
        nc = await connect(system.nats.url)
        try:
            msg = await nc.jetstream().get_last_msg(
                EVENTS_STREAM, "auszug.intake.HouseholdRegistered"
            )
        finally:
            await nc.close()
        # A copy with a new identity: what the probe published five times.
        envelope = Envelope.model_validate_json(msg.data or b"")
        forged = envelope.model_copy(
            update={"event_id": uuid4(), "stream_id": f"household:{uuid4()}", "actor": "forged"}
        )
        return forged.model_dump_json().encode()

    registration = asyncio.run(a_real_registration())
    outcomes = asyncio.run(attack(system.nats.url, household_id, registration))
    assert set(outcomes.values()) == {"refused"}, outcomes

    # The gateway still answers, and no figure moved.
    assert system.register(household(registered_on="2025-03-04")).status_code == 201
    after = system.wait_for_households(2025, 2)
    assert after["households_registered"] == before["households_registered"] + 1
