"""Load shedding (shedding.py): each service has a bounded number of requests in flight;
one that finds no free slot in time gets 429 with Retry-After, and is counted."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any
from uuid import uuid4

import pytest
from prometheus_client import REGISTRY
from starlette.exceptions import HTTPException

from services.gateway.shedding import SheddingRpcClient
from shared.identity import Caller, Role
from shared.rpc import RpcReply

CALLER = Caller(user_id="u", role=Role.coordinator, municipality="koeln", correlation_id=uuid4())


class SlowBroker:
    """Answers every request once the test opens the gate."""

    def __init__(self, expected: int) -> None:
        self.gate = asyncio.Event()
        self.all_waiting = asyncio.Event()
        self.expected = expected
        self.waiting = 0

    async def request(self, payload: Any, subject: str, **_: Any) -> Any:
        self.waiting += 1
        if self.waiting == self.expected:
            self.all_waiting.set()
        await self.gate.wait()
        return SimpleNamespace(body=RpcReply(ok=True, result={"s": subject}).model_dump_json())


def shed(service: str) -> float:
    return REGISTRY.get_sample_value("auszug_gateway_shed_total", {"service": service}) or 0.0


async def test_a_request_without_a_free_slot_is_refused_with_retry_after() -> None:
    broker = SlowBroker(expected=2)
    rpc = SheddingRpcClient(broker, max_in_flight=2, slot_wait_seconds=0.05)
    before = shed("reporting")
    admitted = [
        asyncio.create_task(rpc.request("reporting", "caseboard", {}, CALLER)) for _ in range(2)
    ]
    await broker.all_waiting.wait()
    with pytest.raises(HTTPException) as refused:
        await rpc.request("reporting", "caseboard", {}, CALLER)
    assert refused.value.status_code == 429
    assert refused.value.headers == {"Retry-After": "1"}
    assert refused.value.detail == (
        "Gerade sind sehr viele Anfragen offen. Bitte in 1 Sekunden erneut versuchen."
    )
    assert shed("reporting") == before + 1
    # Another service has slots of its own.
    other = asyncio.create_task(rpc.request("intake", "get_household", {}, CALLER))
    broker.gate.set()
    assert await asyncio.gather(*admitted, other) == [
        {"s": "auszug.rpc.reporting.caseboard"},
        {"s": "auszug.rpc.reporting.caseboard"},
        {"s": "auszug.rpc.intake.get_household"},
    ]
    assert await rpc.request("reporting", "caseboard", {}, CALLER) == {
        "s": "auszug.rpc.reporting.caseboard"
    }
