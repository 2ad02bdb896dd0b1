"""The gateway's Art. 15 fan-out: all four services asked at once, one answer with every
part, or no answer at all — intake's refusal as it is, a missing service as 503."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime
from typing import Any, cast
from uuid import UUID, uuid4

import pytest
from pydantic import BaseModel

from services.gateway.households.exports.complete import collect
from shared.contracts.operation import Operation, R
from shared.identity import Caller, Role
from shared.rpc import ErrorKind, RemoteError, RpcClient, RpcError

HID = uuid4()
COORDINATOR = Caller(
    user_id="kora", role=Role.coordinator, municipality="koeln", correlation_id=uuid4()
)


def answers(household_id: UUID) -> dict[str, dict[str, Any]]:
    at = datetime(2025, 6, 1, 8, tzinfo=UTC).isoformat()
    fact = {"event_type": "X", "occurred_at": at, "recorded_at": at, "payload": {}}
    part = {"household_id": str(household_id), "records": {}, "history": [fact]}
    return {
        "intake": {
            "household_id": str(household_id),
            "municipality": "koeln",
            "exported_on": "2026-11-21",
            "personal_data": {},
            "history": [],
        },
        "placement": {**part, "course": []},
        "volunteer": part,
        "prevention": part,
    }


class FakeRpc:
    """Answers every service only once all four were asked: a sequential caller hangs."""

    def __init__(self, errors: dict[str, ErrorKind] | None = None) -> None:
        self.errors = errors or {}
        self.asked: list[str] = []
        self.all_asked = asyncio.Event()

    async def send(self, op: Operation[Any, R], body: BaseModel, caller: Caller) -> R:
        assert op.name == "export_household" and body.model_dump()["household_id"] == HID
        context = op.context
        self.asked.append(context)
        if len(self.asked) == 4:
            self.all_asked.set()
        await asyncio.wait_for(self.all_asked.wait(), timeout=2)
        if context in self.errors:
            raise RemoteError(RpcError(kind=self.errors[context], code="x", message="nein"))
        return op.response.model_validate(answers(HID)[context])


async def run(rpc: FakeRpc) -> Any:
    return await collect(cast(RpcClient, rpc), HID, COORDINATOR)


async def test_every_part_is_asked_at_once_and_returned_together() -> None:
    rpc = FakeRpc()
    export = await run(rpc)
    assert sorted(rpc.asked) == ["intake", "placement", "prevention", "volunteer"]
    assert (export.household_id, export.municipality) == (HID, "koeln")
    assert export.exported_on == date(2026, 11, 21)
    assert [f.event_type for f in export.volunteer.history] == ["X"]


@pytest.mark.parametrize("down", [ErrorKind.unavailable, ErrorKind.internal])
async def test_a_service_that_does_not_answer_fails_the_whole_export(down: ErrorKind) -> None:
    with pytest.raises(RemoteError) as refused:
        await run(FakeRpc({"volunteer": down, "prevention": down}))
    error = refused.value.error
    assert (error.kind, error.code) == (ErrorKind.unavailable, "export_incomplete")
    assert "„Ehrenamt“, „Prävention“ antworten nicht" in error.message


@pytest.mark.parametrize("kind", [ErrorKind.not_found, ErrorKind.forbidden])
async def test_intakes_refusal_comes_first(kind: ErrorKind) -> None:
    with pytest.raises(RemoteError) as refused:
        await run(FakeRpc({"intake": kind, "volunteer": ErrorKind.unavailable}))
    assert refused.value.error.kind is kind


async def test_intake_down_is_incomplete_too() -> None:
    with pytest.raises(RemoteError) as refused:
        await run(FakeRpc({"intake": ErrorKind.unavailable}))
    assert "„Aufnahme“ antwortet nicht" in refused.value.error.message
