"""Idempotency keys in a service (shared/idempotency.py) through the RPC router, against
intake's real use cases on a SQLite database migrated by Alembic (no NATS): a key
answers the first result and writes nothing more, whatever path the handler writes by."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from uuid import uuid4

import pytest
from pydantic import BaseModel
from sqlalchemy import func, insert, select, update

from services.intake.application.households import Households
from services.intake.entrypoints.app import MIGRATIONS
from shared import idempotency, rpc
from shared.application import CommandExecutor
from shared.clock import utcnow
from shared.contracts.intake import HouseholdRef, RegisterHousehold
from shared.contracts.intake import operations as intake_ops
from shared.contracts.operation import Operation, Operations
from shared.db import Database
from shared.decider import RuleViolation
from shared.eventstore.schema import events, idempotency_keys, processed_events
from shared.identity import Caller, Role
from shared.migrations import upgrade
from support.commands import executor_on

CALLER = Caller(user_id="k-1", role=Role.coordinator, municipality="koeln", correlation_id=uuid4())
OPERATION = "intake.register_household"
Handler = Callable[[Any, Caller], Awaitable[BaseModel | None]]


class Count(BaseModel):
    n: int


def registration(given_name: str = "Amal") -> dict[str, Any]:
    return {
        "provider": "caritas",
        "registered_on": "2025-03-01",
        "accommodation": {"kind": "shelter"},
        "members": [{"role": "head", "age_band": "27-64", "given_name": given_name}],
    }


@pytest.fixture
async def commands(tmp_path: Path) -> AsyncIterator[CommandExecutor]:
    url = f"sqlite+aiosqlite:///{tmp_path}/intake.db"
    await asyncio.to_thread(upgrade, MIGRATIONS, url)
    db = Database(url)
    try:
        yield executor_on(db)
    finally:
        await db.dispose()


def payload(
    body: dict[str, Any],
    key: str | None,
    *,
    user_id: str = CALLER.user_id,
    operation: str = OPERATION,
) -> dict[str, Any]:
    sent = None
    if key is not None:
        sent = idempotency.IdempotencyKey(
            key=key,
            request_hash=idempotency.request_hash(body),
            user_id=user_id,
            operation=operation,
        )
    request = rpc.RpcRequest(caller=CALLER, body=body, idempotency=sent)
    return request.model_dump(mode="json")


async def answer(
    handler: Handler,
    body: dict[str, Any],
    key: str | None,
    op: Operation[Any, Any] = intake_ops.REGISTER_HOUSEHOLD,
    **key_fields: str,
) -> rpc.RpcReply:
    return await rpc._answer(handler, op, payload(body, key, **key_fields))


def register(commands: CommandExecutor) -> Handler:
    households = Households(commands)

    async def handler(body: RegisterHousehold, caller: Caller) -> BaseModel:
        return await households.register(body, caller)

    return handler


async def registered(commands: CommandExecutor) -> int:
    async with commands.db.read() as conn:
        query = select(func.count()).where(events.c.event_type == "HouseholdRegistered")
        return int((await conn.execute(query)).scalar_one())


async def marks(db: Database) -> int:
    async with db.read() as conn:
        return int(
            (await conn.execute(select(func.count()).select_from(processed_events))).scalar_one()
        )


async def mark(db: Database) -> int:
    """A write without events, as a personal-data-only use case does; the marks so far."""
    async with db.transaction() as conn:
        await conn.execute(
            insert(processed_events).values(consumer="test", event_id=uuid4(), recorded_at=utcnow())
        )
    return await marks(db)


def test_the_same_body_hashes_the_same_whatever_the_order_of_its_keys() -> None:
    assert idempotency.request_hash({"a": 1, "b": [1, {"c": "ä"}]}) == idempotency.request_hash(
        {"b": [1, {"c": "ä"}], "a": 1}
    )
    assert idempotency.request_hash({"a": 1}) != idempotency.request_hash({"a": 2})


class Broker:
    """Takes the RPC requests the client sends, answers every one with an empty result."""

    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []

    async def request(self, payload: dict[str, Any], subject: str, **_: Any) -> Any:
        self.sent.append(payload)
        return SimpleNamespace(body=rpc.RpcReply(ok=True, result={}).model_dump_json())


async def test_the_client_sends_its_key_with_the_hash_the_caller_and_the_operation() -> None:
    broker = Broker()
    client = rpc.RpcClient(broker)  # type: ignore[arg-type]
    await client.request("intake", "register_household", registration(), CALLER)
    await client.keyed("k1").request("intake", "register_household", registration(), CALLER)
    await client.keyed("k1").request("intake", "register_household", registration("Sami"), CALLER)
    form = client.keyed("t1", per_body=True)
    for name in ("Amal", "Amal", "Sami"):
        await form.request("intake", "register_household", registration(name), CALLER)
    unkeyed, *keyed = [rpc.RpcRequest.model_validate(p).idempotency for p in broker.sent]
    assert unkeyed is None
    assert all(k is not None for k in keyed)
    first, other_body, *forms = [k for k in keyed if k is not None]
    assert (first.key, first.user_id, first.operation) == ("k1", "k-1", OPERATION)
    assert first.request_hash == idempotency.request_hash(registration())
    assert other_body.key == "k1" and other_body.request_hash != first.request_hash
    # A form's token: the same values the same key, other values another key.
    assert forms[0].key == forms[1].key != forms[2].key
    assert forms[0].key == idempotency.form_key("t1", first.request_hash)


async def test_the_same_key_twice_registers_once_and_answers_the_first_result(
    commands: CommandExecutor,
) -> None:
    handler = register(commands)
    first = await answer(handler, registration(), "k1")
    again = await answer(handler, registration(), "k1")
    assert first.ok
    assert again == first
    assert await registered(commands) == 1


async def test_the_same_key_with_another_body_is_refused_in_german(
    commands: CommandExecutor,
) -> None:
    handler = register(commands)
    assert (await answer(handler, registration(), "k1")).ok
    refused = await answer(handler, registration("Sami"), "k1")
    assert refused.error == rpc.KEY_REUSED
    assert (
        refused.error.message == "Dieser Schlüssel wurde schon für eine andere Eingabe verwendet."
    )
    assert await registered(commands) == 1


async def test_without_a_key_every_request_is_executed(commands: CommandExecutor) -> None:
    handler = register(commands)
    first = await answer(handler, registration(), None)
    second = await answer(handler, registration(), None)
    assert first.ok and second.ok and first != second
    assert await registered(commands) == 2


async def test_a_key_is_the_callers_for_one_operation(commands: CommandExecutor) -> None:
    handler = register(commands)
    assert (await answer(handler, registration(), "k1")).ok
    # Another operation's key of the same name is another key.
    other_op = Operations("intake").command(
        "other", RegisterHousehold, HouseholdRef, roles=intake_ops.REGISTER_HOUSEHOLD.roles
    )
    other = await rpc._answer(
        handler, other_op, payload(registration(), "k1", operation="intake.other")
    )
    assert other.ok
    assert await registered(commands) == 2
    # A request whose key names another account or operation than its own is refused.
    forged = await answer(handler, registration(), "k2", user_id="someone-else")
    assert forged.error is not None and forged.error.code == "bad_request"
    assert await registered(commands) == 2


async def test_a_command_that_wrote_nothing_leaves_no_key(commands: CommandExecutor) -> None:
    """A refusal, or a look-up in a write transaction before it: the retry runs again."""
    calls = 0

    async def flaky(body: RegisterHousehold, caller: Caller) -> BaseModel:
        nonlocal calls
        calls += 1
        async with commands.db.transaction() as conn:  # reads only
            await conn.execute(select(func.count()).select_from(events))
        if calls == 1:
            raise RuleViolation("not_yet", "Noch nicht.")
        return Count(n=await mark(commands.db))

    refused = await answer(flaky, registration(), "k1")
    assert refused.error is not None and refused.error.code == "not_yet"
    assert await answer(flaky, registration(), "k1") == rpc.RpcReply(ok=True, result={"n": 1})
    assert await answer(flaky, registration(), "k1") == rpc.RpcReply(ok=True, result={"n": 1})
    assert await marks(commands.db) == 1  # the third call stopped at its first transaction


async def test_every_write_path_of_a_handler_claims_the_key(commands: CommandExecutor) -> None:
    """Writes without the executor (personal data only), several transactions in one
    handler, and a failure after the first committed: the first result is answered."""

    async def two_writes_then_fail(body: RegisterHousehold, caller: Caller) -> BaseModel:
        await mark(commands.db)
        await mark(commands.db)
        raise RuleViolation("late", "Zu spät.")

    first = await answer(two_writes_then_fail, registration(), "k1")
    assert first.error is not None and first.error.code == "late"
    assert await answer(two_writes_then_fail, registration(), "k1") == first
    assert await marks(commands.db) == 2


async def test_a_task_the_handler_starts_claims_nothing(commands: CommandExecutor) -> None:
    async def with_background_write(body: RegisterHousehold, caller: Caller) -> BaseModel:
        await asyncio.create_task(mark(commands.db))  # inherits the handler's context
        return Count(n=await marks(commands.db))

    assert (await answer(with_background_write, registration(), "k1")).ok
    async with commands.db.read() as conn:
        keys = (await conn.execute(select(func.count()).select_from(idempotency_keys))).scalar()
    assert keys == 0


async def test_a_key_older_than_a_day_is_forgotten(commands: CommandExecutor) -> None:
    handler = register(commands)
    assert (await answer(handler, registration(), "k1")).ok
    async with commands.db.transaction() as conn:
        await conn.execute(
            update(idempotency_keys).values(created_at=utcnow() - timedelta(hours=25))
        )
    assert (await answer(handler, registration(), "k1")).ok
    assert await registered(commands) == 2
    assert (await answer(handler, registration(), "k2")).ok
    async with commands.db.read() as conn:
        kept = (await conn.execute(select(idempotency_keys.c.key))).scalars().all()
    assert sorted(kept) == ["k1", "k2"]  # the day-old row was deleted by the new claims


async def test_a_duplicate_while_the_first_runs_answers_the_first_result(
    commands: CommandExecutor, monkeypatch: pytest.MonkeyPatch
) -> None:
    committed, release, waiting = asyncio.Event(), asyncio.Event(), asyncio.Event()
    wait_for_reply = idempotency.wait_for_reply

    async def wait_noted(claim: idempotency.Claim) -> dict[str, Any] | None:
        waiting.set()
        return await wait_for_reply(claim)

    monkeypatch.setattr(idempotency, "wait_for_reply", wait_noted)

    async def slow(body: RegisterHousehold, caller: Caller) -> BaseModel:
        n = await mark(commands.db)
        committed.set()
        await release.wait()
        return Count(n=n)

    first = asyncio.create_task(answer(slow, registration(), "k1"))
    await committed.wait()
    second = asyncio.create_task(answer(slow, registration(), "k1"))
    await waiting.wait()
    release.set()
    assert await second == await first == rpc.RpcReply(ok=True, result={"n": 1})
    assert await marks(commands.db) == 1


async def test_a_duplicate_answers_409_when_the_first_does_not_finish(
    commands: CommandExecutor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(idempotency, "WAIT_FOR_FIRST", 0.2)
    committed, release = asyncio.Event(), asyncio.Event()

    async def stuck(body: RegisterHousehold, caller: Caller) -> BaseModel:
        n = await mark(commands.db)
        committed.set()
        await release.wait()
        return Count(n=n)

    first = asyncio.create_task(answer(stuck, registration(), "k1"))
    await committed.wait()
    busy = await answer(stuck, registration(), "k1")
    assert busy.error == rpc.IN_PROGRESS
    assert busy.error.message == "Diese Anfrage wird gerade schon bearbeitet."
    release.set()
    assert (await first).ok
    assert await answer(stuck, registration(), "k1") == await first
    assert await marks(commands.db) == 1
