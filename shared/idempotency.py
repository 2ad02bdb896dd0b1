"""Idempotency keys: a command sent twice with the same key is executed once.

The gateway sends the caller's `Idempotency-Key` (or a UI form's token) with the RPC
request, with a hash of the request body, the caller's user id and the operation. The
RPC router makes it the current `Claim` of the handler's task. Every write transaction
the handler opens (whichever path opens it: the CommandExecutor, an `also=`, a
personal-data-only write) looks the key up when it begins and, if it wrote anything,
inserts it just before it commits, through `Database.write_hooks` (`KeyHook`). So the
key commits or rolls back with what the command wrote: a reply lost after the commit
still finds the key on the retry.

What the look-up finds:
- no row: the command runs; its key is inserted with its first write, and its answer
  is kept once the handler returned (`keep_reply`);
- the row of this very request (a handler with several transactions): nothing to do;
- a row with another body: `KeyReused` (422);
- a row with an answer: `Replay` of that answer, nothing is written;
- a row without an answer yet, or a concurrent insert of the same key (PostgreSQL waits
  on the unique key, then fails): `InProgress`; the router waits a little for the
  first one's answer (`wait_for_reply`), else 409.

A command that wrote nothing (refused, failed before committing) leaves no key: its
retry runs again. Keys older than `KEPT` count as absent and are deleted on every claim.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Annotated, Any
from uuid import UUID, uuid4

import structlog
from pydantic import BaseModel, StringConstraints
from sqlalchemy import Connection, and_, delete, event, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.elements import ColumnElement

from shared.clock import utcnow
from shared.db import Database
from shared.eventstore.schema import idempotency_keys as keys

log = structlog.get_logger(__name__)

KEPT = timedelta(hours=24)
# How long a duplicate waits for the first request's answer before it answers 409.
WAIT_FOR_FIRST = 5.0
POLL = 0.05
# Printable ASCII, as HTTP header values are, without spaces at either end (HTTP strips
# them); 200 leaves room for a UUID with a prefix.
KEY_PATTERN = r"^[\x21-\x7e](?:[\x20-\x7e]{0,198}[\x21-\x7e])?$"
Key = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=KEY_PATTERN)]


class IdempotencyKey(BaseModel):
    """What an RPC request carries besides its body when the caller sent a key."""

    key: Key
    request_hash: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    user_id: str
    operation: str


def request_hash(body: dict[str, Any]) -> str:
    """The same body gives the same hash, whatever the order of its keys."""
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def form_key(token: str, digest: str) -> str:
    """The key of a UI form's token and a body's hash. A double click or the browser's
    retry sends the same values again; a form brought back by the browser's back button
    and filled in anew sends other values under its old token: a new request, not 422."""
    return "form-" + hashlib.sha256(f"{token}\n{digest}".encode()).hexdigest()


class KeyOutcome(Exception):
    """The key was claimed before: the command is not executed again."""


class Replay(KeyOutcome):
    def __init__(self, reply: dict[str, Any]) -> None:
        super().__init__("answered before")
        self.reply = reply


class KeyReused(KeyOutcome):
    def __init__(self) -> None:
        super().__init__("key used for another request body")


class InProgress(KeyOutcome):
    def __init__(self) -> None:
        super().__init__("the first request with this key has not answered yet")


@dataclass
class Claim:
    """The key of the request a handler executes; `db` is where it was claimed."""

    key: IdempotencyKey
    token: UUID = field(default_factory=uuid4)
    # Tasks started by the handler inherit the context var; only the handler's own task
    # claims (a background purge or relay started here writes nothing of the command).
    task: asyncio.Task[Any] | None = field(default_factory=asyncio.current_task)
    db: Database | None = None

    def row(self) -> ColumnElement[bool]:
        return and_(
            keys.c.user_id == self.key.user_id,
            keys.c.operation == self.key.operation,
            keys.c.key == self.key.key,
        )


CURRENT: ContextVar[Claim | None] = ContextVar("idempotency_claim", default=None)
# Set on a connection by a statement that writes, cleared when a transaction begins.
WROTE = "auszug_idempotency_wrote"
WRITES = ("INSERT", "UPDATE", "DELETE")


def install(db: Database) -> None:
    """Check and claim the current request's key in every write transaction of `db`."""
    if not any(isinstance(hook, KeyHook) for hook in db.write_hooks):
        db.write_hooks.append(KeyHook())
        event.listen(db.engine.sync_engine, "after_cursor_execute", _note_write)


def _note_write(conn: Connection, _cursor: Any, statement: str, *_args: Any) -> None:
    if statement.lstrip()[:6].upper() in WRITES:
        conn.info[WROTE] = True


def _current() -> Claim | None:
    claim = CURRENT.get()
    return claim if claim is not None and claim.task is asyncio.current_task() else None


class KeyHook:
    """The write hook (shared/db.py) of a service's database.

    When a transaction begins, a key claimed by another request stops the command before
    it decides anything (a retry of a deregistration must answer the first answer, not
    "already deregistered"). Just before a transaction that wrote something commits, the
    key is claimed in it: a transaction that only read (a look-up a use case runs in a
    write transaction) claims nothing, so a command that then fails leaves no key behind.
    """

    async def begun(self, db: Database, conn: AsyncConnection) -> None:
        claim = _current()
        if claim is None:
            return
        claim.db = db
        conn.info.pop(WROTE, None)
        await _check(claim, conn)

    async def committing(self, db: Database, conn: AsyncConnection) -> None:
        claim = _current()
        if claim is None or not conn.info.get(WROTE):
            return
        now = utcnow()
        if await _check(claim, conn):
            return
        await conn.execute(delete(keys).where(keys.c.created_at < now - KEPT))
        try:
            await conn.execute(
                insert(keys).values(
                    user_id=claim.key.user_id,
                    operation=claim.key.operation,
                    key=claim.key.key,
                    request_hash=claim.key.request_hash,
                    claim=claim.token,
                    created_at=now,
                )
            )
        except IntegrityError as exc:  # the same key, inserted by a concurrent request
            raise InProgress() from exc


async def _check(claim: Claim, conn: AsyncConnection) -> bool:
    """True when this request claimed the key already; raises when another one did."""
    found = (
        await conn.execute(
            select(keys.c.request_hash, keys.c.claim, keys.c.reply, keys.c.created_at).where(
                claim.row()
            )
        )
    ).first()
    if found is None or found.created_at < utcnow() - KEPT:
        return False
    if found.claim == claim.token:
        return True
    if found.request_hash != claim.key.request_hash:
        raise KeyReused()
    if found.reply is None:
        raise InProgress()
    raise Replay(found.reply)


async def keep_reply(claim: Claim, reply: dict[str, Any]) -> None:
    """Keep the answer of a request that claimed its key (nothing when its claim was
    rolled back). A failure is logged: the key then answers 409 until it expires."""
    if claim.db is None:
        return
    try:
        async with claim.db.transaction() as conn:
            await conn.execute(
                update(keys)
                .where(claim.row(), keys.c.claim == claim.token, keys.c.reply.is_(None))
                .values(reply=reply)
            )
    except Exception:
        log.exception("keeping the answer of an idempotent request failed")


async def wait_for_reply(claim: Claim) -> dict[str, Any] | None:
    """The first request's answer once it is kept, or None after `WAIT_FOR_FIRST` s."""
    if claim.db is None:
        return None
    deadline = asyncio.get_running_loop().time() + WAIT_FOR_FIRST
    while True:
        async with claim.db.read() as conn:
            reply = (await conn.execute(select(keys.c.reply).where(claim.row()))).scalar()
        if reply is not None:
            return dict(reply)
        if asyncio.get_running_loop().time() >= deadline:
            return None
        await asyncio.sleep(POLL)
