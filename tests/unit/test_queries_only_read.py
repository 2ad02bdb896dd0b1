"""A query only reads: while the handler of an operation declared with `changes=False`
runs, `Database.transaction()` refuses (shared/db.py READ_ONLY, set by shared/rpc.py), so
a query that would write, or queue behind the writer on SQLite, is a defect found at
once: answered as an internal error and logged. A command's handler writes as before."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from uuid import uuid4

import pytest
from pydantic import BaseModel
from sqlalchemy import text
from structlog.testing import capture_logs

from shared import rpc
from shared.contracts.operation import Operations
from shared.db import Database, WriteInQuery
from shared.identity import Caller, Role

CALLER = Caller(user_id="k-1", role=Role.coordinator, municipality="koeln", correlation_id=uuid4())
ops = Operations("kernel")


class Ask(BaseModel):
    n: int = 1


class Answer(BaseModel):
    rows: int


READ = ops.query("read", Ask, Answer, roles={Role.coordinator})
WRITE_IN_QUERY = ops.query("write_in_query", Ask, Answer, roles={Role.coordinator})
WRITE = ops.command("write", Ask, Answer, roles={Role.coordinator})


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = Database(f"sqlite+aiosqlite:///{tmp_path}/kernel.db")
    async with database.transaction() as conn:
        await conn.execute(text("CREATE TABLE notes (n INTEGER)"))
    try:
        yield database
    finally:
        await database.dispose()


async def count(db: Database) -> int:
    async with db.read() as conn:
        return int((await conn.execute(text("SELECT count(*) FROM notes"))).scalar_one())


async def write(db: Database, ask: Ask) -> Answer:
    async with db.transaction() as conn:
        await conn.execute(text("INSERT INTO notes VALUES (:n)"), {"n": ask.n})
    return Answer(rows=await count(db))


def payload() -> dict[str, object]:
    return rpc.RpcRequest(caller=CALLER, body={"n": 1}).model_dump(mode="json")


async def test_a_query_that_opens_a_write_transaction_is_refused_and_logged(db: Database) -> None:
    refused: list[WriteInQuery] = []

    async def handler(ask: Ask, _caller: Caller) -> Answer:
        try:
            return await write(db, ask)
        except WriteInQuery as exc:
            refused.append(exc)
            raise

    with capture_logs() as logs:
        reply = await rpc._answer(handler, WRITE_IN_QUERY, payload())

    assert not reply.ok and reply.error is not None
    assert (reply.error.kind, reply.error.code) == (rpc.ErrorKind.internal, "internal")
    assert await count(db) == 0
    [failed] = [e for e in logs if e["event"] == "rpc handler failed"]
    assert failed["log_level"] == "error" and failed["handler"] == "handler"
    assert len(refused) == 1


async def test_a_query_that_reads_is_answered(db: Database) -> None:
    async def handler(_ask: Ask, _caller: Caller) -> Answer:
        return Answer(rows=await count(db))

    reply = await rpc._answer(handler, READ, payload())
    assert reply == rpc.RpcReply(ok=True, result={"rows": 0})


async def test_a_command_writes_and_the_next_request_is_not_read_only(db: Database) -> None:
    async def handler(ask: Ask, _caller: Caller) -> Answer:
        return await write(db, ask)

    reply = await rpc._answer(handler, WRITE, payload())
    assert reply == rpc.RpcReply(ok=True, result={"rows": 1})
    # The query's refusal ends with its handler: nothing outside it is read-only.
    await rpc._answer(handler, WRITE_IN_QUERY, payload())
    assert (await write(db, Ask())).rows == 2
