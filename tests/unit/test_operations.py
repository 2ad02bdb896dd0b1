"""Every request a service answers is a declared operation, and its AsyncAPI document
shows the typed request of each one (shared/contracts/operation.py)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any
from uuid import uuid4

import pytest
from faststream.asgi import AsgiFastStream
from faststream.nats import NatsBroker, TestNatsBroker
from faststream.specification import AsyncAPI
from pydantic import BaseModel

from shared.contracts.operation import Operation, Operations
from shared.identity import Caller, Role
from shared.rpc import ErrorKind, RemoteError, RpcClient, RpcRouter
from support.nats_server import credentials_dir

# Contexts whose handlers are registered by declaration (all of them, once #13 is done).
TYPED = ["intake", "placement", "prevention", "reporting", "volunteer"]


def declared(context: str) -> Operations:
    module = importlib.import_module(f"shared.contracts.{context}.operations")
    ops: Operations = module.ops
    assert ops.context == context
    return ops


def asyncapi_of(context: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.setenv("AUSZUG_NATS_CREDENTIALS_DIR", str(credentials_dir()))
    build: Callable[[], AsgiFastStream] = importlib.import_module(
        f"services.{context}.entrypoints.app"
    ).build
    broker = build().broker
    assert broker is not None
    document: dict[str, Any] = AsyncAPI(broker).to_specification().to_jsonable()
    return document


def schema(document: dict[str, Any], ref: str) -> dict[str, Any]:
    name = ref.removeprefix("#/components/schemas/").replace("%5B", "[").replace("%5D", "]")
    found: dict[str, Any] = document["components"]["schemas"][name]
    return found


@pytest.mark.parametrize("context", TYPED)
def test_the_service_answers_exactly_its_declared_operations(
    context: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = asyncapi_of(context, monkeypatch)
    answered = {c for c in document["channels"] if c.startswith("auszug.rpc.")}
    assert answered == {op.subject for op in declared(context)}


@pytest.mark.parametrize("context", TYPED)
def test_each_subject_shows_its_typed_request(
    context: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = asyncapi_of(context, monkeypatch)
    for op in declared(context):
        assert_typed(document, op)


def assert_typed(document: dict[str, Any], op: Operation[Any, Any]) -> None:
    message = document["components"]["messages"][f"{op.subject}:SubscribeMessage"]
    envelope = schema(document, message["payload"]["$ref"])
    assert set(envelope["properties"]) >= {"caller", "body"}, op.key
    body = schema(document, envelope["properties"]["body"]["$ref"])
    expected = set(op.request.model_json_schema().get("properties", {}))
    assert set(body.get("properties", {})) == expected, op.key


def test_a_command_on_an_entity_from_the_path_travels_as_addressed() -> None:
    addressed = declared("intake").declared["change_composition"]
    assert set(addressed.request.model_json_schema()["properties"]) == {"id", "body"}


class Ask(BaseModel):
    text: str


class Answer(BaseModel):
    text: str


example = Operations("example")
ECHO = example.query("echo", Ask, Answer, roles={Role.coordinator})
RENAME = example.command_on("rename", Ask, Answer, roles={Role.coordinator})


def caller(role: Role) -> Caller:
    return Caller(user_id="u1", role=role, municipality="koeln", correlation_id=uuid4())


def test_a_name_is_declared_once() -> None:
    with pytest.raises(ValueError, match="declared twice"):
        example.query("echo", Ask, Answer, roles=())


def test_a_command_on_one_entity_travels_with_its_id() -> None:
    assert RENAME.command is Ask
    sent = RENAME.request(id=uuid4(), body=Ask(text="neu"))
    assert sent.body.text == "neu"


async def test_the_router_answers_only_the_roles_the_operation_names() -> None:
    rpc = RpcRouter("example")

    @rpc.handle(ECHO)
    async def echo(body: Ask, caller: Caller) -> Answer:
        return Answer(text=body.text)

    broker = NatsBroker()
    broker.include_router(rpc.router)
    async with TestNatsBroker(broker):
        client = RpcClient(broker)
        assert await client.send(ECHO, Ask(text="hallo"), caller(Role.coordinator)) == Answer(
            text="hallo"
        )
        with pytest.raises(RemoteError) as refused:
            await client.send(ECHO, Ask(text="hallo"), caller(Role.volunteer))
        assert refused.value.error.kind is ErrorKind.forbidden
        with pytest.raises(RemoteError) as invalid:
            await client.request("example", "echo", {"text": 5}, caller(Role.coordinator))
        assert invalid.value.error.kind is ErrorKind.validation
        assert [f.field for f in invalid.value.error.fields] == ["text"]
