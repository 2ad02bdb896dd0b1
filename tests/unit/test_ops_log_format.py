"""Uniform JSON lines from structlog and the standard library; the RPC log line."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
import structlog
from faststream.nats import NatsBroker, TestNatsBroker
from structlog.testing import capture_logs

from shared.logging import RpcLogMiddleware, configure_logging


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    config = structlog.get_config()
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    structlog.reset_defaults()
    structlog.configure(**config)
    structlog.contextvars.clear_contextvars()


def test_every_record_is_one_json_line_with_service_and_correlation_id(
    capsys: pytest.CaptureFixture[str], restore_logging: None
) -> None:
    # As uvicorn and FastStream do: handlers of their own, not propagating to the root.
    for name in ("uvicorn.error", "faststream"):
        logging.getLogger(name).addHandler(logging.StreamHandler())
        logging.getLogger(name).propagate = False
    configure_logging("intake", fmt="json", level="INFO")

    with structlog.contextvars.bound_contextvars(correlation_id="c-1"):
        structlog.get_logger("test").info("ours", n=1)
        logging.getLogger("uvicorn.error").warning("theirs: %s", "uvicorn")
        logging.getLogger("faststream").info("FastStream app started")
        logging.getLogger("faststream.access.nats").debug("below the level: not written")

    lines = capsys.readouterr().err.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["event"] for r in records] == ["ours", "theirs: uvicorn", "FastStream app started"]
    for record in records:
        assert record["service"] == "intake"
        assert record["correlation_id"] == "c-1"
        assert record["timestamp"].endswith("Z")
    assert records[0]["n"] == 1
    assert records[1]["level"] == "warning"
    assert records[1]["logger"] == "uvicorn.error"


def rpc_broker() -> NatsBroker:
    broker = NatsBroker(middlewares=[RpcLogMiddleware])

    @broker.subscriber("auszug.rpc.intake.answer")
    async def answer(payload: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "result": None}

    @broker.subscriber("auszug.rpc.intake.refuse")
    async def refuse(payload: dict[str, Any]) -> dict[str, Any]:
        return {"ok": False, "error": {"kind": "rule", "code": "x", "message": "Nein."}}

    return broker


def request(correlation_id: str) -> dict[str, Any]:
    caller = {"user_id": "u", "role": "coordinator", "municipality": "koeln"}
    return {"caller": {**caller, "correlation_id": correlation_id}, "body": {}}


async def test_each_rpc_request_is_logged_with_the_callers_correlation_id_and_outcome() -> None:
    # publish, not request: the test broker would run the middleware on the reply too.
    async with TestNatsBroker(rpc_broker()) as broker:
        with capture_logs() as logs:
            await broker.publish(request("id-1"), "auszug.rpc.intake.answer")
            await broker.publish(request("id-2"), "auszug.rpc.intake.refuse")
            await broker.publish({"body": {}}, "auszug.rpc.intake.answer")  # no caller

    lines = [entry for entry in logs if entry["event"] == "rpc request"]
    assert [(e["subject"], e["correlation_id"], e["outcome"]) for e in lines] == [
        ("auszug.rpc.intake.answer", "id-1", "ok"),
        ("auszug.rpc.intake.refuse", "id-2", "rule"),
        ("auszug.rpc.intake.answer", None, "ok"),
    ]
    assert all(isinstance(e["duration_ms"], float) for e in lines)
