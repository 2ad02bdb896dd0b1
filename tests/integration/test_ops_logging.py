"""One correlation id follows a command: the gateway's log line, the service's log line
and the event it caused all carry the id the request came with; every log line is JSON."""

from __future__ import annotations

import asyncio
import json
from typing import Any
from uuid import UUID

import pytest

from shared.messaging import EVENTS_STREAM
from support.nats_server import connect
from support.system import System, household, wait_until


def log_lines(system: System, service: str) -> list[dict[str, Any]]:
    lines = system[service].log_path.read_text().splitlines()
    records = []
    for line in lines:
        try:
            records.append(json.loads(line))
        except ValueError:
            raise AssertionError(f"not a JSON line in {service}'s log: {line!r}") from None
    return records


def with_id(system: System, service: str, correlation_id: str) -> list[dict[str, Any]]:
    return [r for r in log_lines(system, service) if r.get("correlation_id") == correlation_id]


def event_envelopes(url: str) -> list[dict[str, Any]]:
    async def read() -> list[dict[str, Any]]:
        nc = await connect(url)
        js = nc.jetstream()
        info = await js.stream_info(EVENTS_STREAM)
        envelopes = []
        for seq in range(info.state.first_seq, info.state.last_seq + 1):
            msg = await js.get_msg(EVENTS_STREAM, seq)
            envelopes.append(json.loads(msg.data or b"{}"))
        await nc.drain()
        return envelopes

    return asyncio.run(read())


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_correlation_id_follows_a_command_from_the_request_to_its_event(system: System) -> None:
    correlation_id = "5d2c7a8e-6b0f-4c3e-9f1a-0d9e8b7c6a51"
    response = system.register(household(), **{"x-correlation-id": correlation_id})
    assert response.status_code == 201, response.text
    assert response.headers["x-correlation-id"] == correlation_id

    def logged() -> bool:
        return bool(with_id(system, "gateway", correlation_id)) and bool(
            with_id(system, "intake", correlation_id)
        )

    wait_until(logged, timeout=10, what="the request in the gateway's and intake's logs")
    (http,) = with_id(system, "gateway", correlation_id)
    assert (http["event"], http["method"], http["route"], http["status"]) == (
        "http request",
        "POST",
        "/api/households",
        201,
    )
    assert http["service"] == "gateway"
    (rpc,) = with_id(system, "intake", correlation_id)
    assert (rpc["event"], rpc["subject"], rpc["outcome"], rpc["service"]) == (
        "rpc request",
        "auszug.rpc.intake.register_household",
        "ok",
        "intake",
    )
    # The event it caused carries the id on in its envelope, to every consumer.
    system.wait_for_households(2025, 1)
    (event,) = event_envelopes(system.nats.url)
    assert (event["event_type"], event["correlation_id"]) == ("HouseholdRegistered", correlation_id)

    # Without the header the gateway makes an id, answers with it and passes it on.
    second = system.register(household())
    fresh = second.headers["x-correlation-id"]
    assert UUID(fresh)
    wait_until(lambda: with_id(system, "intake", fresh), timeout=10, what="the fresh id in intake")

    # Uniform JSON lines, from uvicorn, FastStream and Alembic as from our own code.
    for service in system.services:
        records = log_lines(system, service)
        assert records and all("timestamp" in r and "level" in r for r in records), service
