"""Request/reply over NATS between the gateway and the services.

A request carries the caller the gateway vouches for and a body; the reply is either a
result or a typed error whose kind the gateway maps onto an HTTP status. Services
subscribe in a queue group named after their context, so replicas share the load.

A request may carry an idempotency key (shared/idempotency.py): the router makes it the
handler's current claim, answers a repeated request with the first one's answer, and
keeps the answer of a request that claimed its key.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Awaitable, Callable
from enum import StrEnum
from typing import Any, Generic

import structlog
from faststream.nats import NatsBroker, NatsRouter
from nats.errors import NoRespondersError
from nats.errors import TimeoutError as NatsTimeoutError
from pydantic import BaseModel, SkipValidation, ValidationError

from shared import idempotency, metrics
from shared.contracts.operation import Operation, Q, R
from shared.db import READ_ONLY
from shared.decider import DomainError, FieldRefused
from shared.eventstore.store import ConcurrencyConflict
from shared.idempotency import IdempotencyKey
from shared.identity import Caller
from shared.validation import FieldError, field_errors

log = structlog.get_logger(__name__)

RPC_WORKERS = 8


class ErrorKind(StrEnum):
    validation = "validation"  # 422
    conflict = "conflict"  # 409
    not_found = "not_found"  # 404
    forbidden = "forbidden"  # 403
    rule = "rule"  # 409 as well: a rule of the domain refuses it
    unavailable = "unavailable"  # 503
    internal = "internal"  # 500


class RpcError(BaseModel):
    kind: ErrorKind
    code: str
    message: str
    fields: list[FieldError] = []


class RpcRequest(BaseModel):
    caller: Caller
    body: dict[str, Any]
    idempotency: IdempotencyKey | None = None


class RpcRequestOf(RpcRequest, Generic[Q]):
    """An `RpcRequest` whose body is `Q`: only for the AsyncAPI document (the router
    validates the body itself, so that a bad one gets a German 422 with its fields)."""

    body: Q  # type: ignore[assignment]


class RpcReply(BaseModel):
    ok: bool
    result: Any = None
    error: RpcError | None = None


class RemoteError(Exception):
    """The service answered with an error."""

    def __init__(self, error: RpcError) -> None:
        super().__init__(error.message)
        self.error = error


def rpc_subject(context: str, name: str) -> str:
    return f"auszug.rpc.{context}.{name}"


OpHandler = Callable[[Q, Caller], Awaitable[R]]

FORBIDDEN = RpcError(
    kind=ErrorKind.forbidden, code="forbidden", message="Ihre Rolle darf das nicht."
)


class RpcRouter:
    """Service side: one decorated coroutine per operation (shared/contracts/operation.py)."""

    def __init__(self, context: str) -> None:
        self.context = context
        self.router = NatsRouter()

    def handle(self, op: Operation[Q, R]) -> Callable[[OpHandler[Q, R]], OpHandler[Q, R]]:
        """Register the decorated coroutine as `op`'s handler."""
        if op.context != self.context:
            raise ValueError(f"{op.key} is not an operation of {self.context}")
        subject = op.subject

        def register(fn: OpHandler[Q, R]) -> OpHandler[Q, R]:
            async def endpoint(payload: dict[str, Any]) -> dict[str, Any]:
                started = time.perf_counter()
                reply = await _answer(fn, op, payload)
                outcome = "ok" if reply.ok else reply.error.kind if reply.error else "internal"
                metrics.RPC_REQUESTS.labels(method=subject, outcome=outcome).inc()
                metrics.RPC_DURATION.labels(method=subject).observe(time.perf_counter() - started)
                return reply.model_dump(mode="json")

            endpoint.__name__ = f"rpc_{op.context}_{op.name}"
            # The AsyncAPI document shows the typed request; the payload itself reaches
            # `_answer` unvalidated (SkipValidation), which answers a bad one with a 422.
            endpoint.__annotations__["payload"] = SkipValidation[RpcRequestOf[op.request]]  # type: ignore[name-defined]
            # Several requests at a time: a handler mostly waits on its database.
            self.router.subscriber(
                subject, queue=self.context, title=subject, max_workers=RPC_WORKERS
            )(endpoint)
            return fn

        return register


async def _answer(
    fn: OpHandler[Any, Any], op: Operation[Any, Any], payload: dict[str, Any]
) -> RpcReply:
    try:
        request = RpcRequest.model_validate(payload)
    except ValidationError as exc:
        return _error(ErrorKind.validation, "bad_request", "Ungültige Anfrage.", exc)
    if not op.allows(request.caller.role):
        return RpcReply(ok=False, error=FORBIDDEN)
    # A query's handler only reads: `Database.transaction()` refuses while it runs.
    read_only = not op.changes
    key = request.idempotency
    if key is None:
        return await _execute(fn, op.request, request, read_only)
    if key.operation != op.key or key.user_id != request.caller.user_id:
        return RpcReply(
            ok=False,
            error=RpcError(
                kind=ErrorKind.validation, code="bad_request", message="Ungültige Anfrage."
            ),
        )
    claim = idempotency.Claim(key)
    token = idempotency.CURRENT.set(claim)
    try:
        reply = await _execute(fn, op.request, request, read_only)
    except idempotency.Replay as exc:
        return RpcReply.model_validate(exc.reply)
    except idempotency.KeyReused:
        return RpcReply(ok=False, error=KEY_REUSED)
    except idempotency.InProgress:
        first = await idempotency.wait_for_reply(claim)
        if first is None:
            return RpcReply(ok=False, error=IN_PROGRESS)
        return RpcReply.model_validate(first)
    finally:
        idempotency.CURRENT.reset(token)
    await idempotency.keep_reply(claim, reply.model_dump(mode="json"))
    return reply


KEY_REUSED = RpcError(
    kind=ErrorKind.validation,
    code="idempotency_key_reused",
    message="Dieser Schlüssel wurde schon für eine andere Eingabe verwendet.",
)
IN_PROGRESS = RpcError(
    kind=ErrorKind.conflict,
    code="request_in_progress",
    message="Diese Anfrage wird gerade schon bearbeitet.",
)


async def _execute(
    fn: OpHandler[Any, Any], model: type[BaseModel], request: RpcRequest, read_only: bool
) -> RpcReply:
    try:
        body = model.model_validate(request.body)
    except ValidationError as exc:
        return _error(ErrorKind.validation, "invalid", "Die Eingabe ist unvollständig.", exc)
    structlog.contextvars.bind_contextvars(correlation_id=str(request.caller.correlation_id))
    writes = READ_ONLY.set(read_only)
    try:
        result = await fn(body, request.caller)
    except idempotency.KeyOutcome:
        raise  # answered by `_answer`, never an error of the handler
    except DomainError as exc:
        at: list[FieldError] = []
        if isinstance(exc, FieldRefused):
            at = [FieldError(field=exc.field, message=exc.message)]
        error = RpcError(kind=exc.kind, code=exc.code, message=exc.message, fields=at)
        return RpcReply(ok=False, error=error)
    except ConcurrencyConflict:
        return RpcReply(
            ok=False,
            error=RpcError(
                kind=ErrorKind.conflict,
                code="concurrent_change",
                message="Der Fall wurde gleichzeitig geändert. "
                "Bitte neu laden und erneut versuchen.",
            ),
        )
    except ValidationError as exc:
        # Never the input values: they may be names, birth dates or notes.
        fields = [(".".join(map(str, e["loc"])), e["type"]) for e in exc.errors()]
        log.error("rpc handler built an invalid model", handler=fn.__name__, fields=fields)
        return _internal_error()
    except Exception:
        log.exception("rpc handler failed", handler=fn.__name__)
        return _internal_error()
    finally:
        READ_ONLY.reset(writes)
        structlog.contextvars.unbind_contextvars("correlation_id")
    return RpcReply(ok=True, result=None if result is None else result.model_dump(mode="json"))


def _internal_error() -> RpcReply:
    return RpcReply(
        ok=False,
        error=RpcError(
            kind=ErrorKind.internal, code="internal", message="Interner Fehler im Dienst."
        ),
    )


def _error(kind: ErrorKind, code: str, message: str, exc: ValidationError) -> RpcReply:
    return RpcReply(
        ok=False,
        error=RpcError(kind=kind, code=code, message=message, fields=field_errors(exc.errors())),
    )


class RpcClient:
    """Gateway side: send a request to the owning service and get its typed answer."""

    def __init__(self, broker: NatsBroker, *, timeout: float = 10.0) -> None:
        self.broker = broker
        self.timeout = timeout
        self.idempotency_key: str | None = None
        self.key_per_body = False

    def keyed(self, key: str, *, per_body: bool = False) -> RpcClient:
        """This client sending `key` as the idempotency key of every request (one HTTP
        request's client: its commands are answered once per key). `per_body`: the key
        sent is `key` with the body's hash (idempotency.form_key), so another body under
        the same key is a new request instead of a 422."""
        client = copy.copy(self)
        client.idempotency_key, client.key_per_body = key, per_body
        return client

    async def send(self, op: Operation[Q, R], body: Q, caller: Caller) -> R:
        """Ask `op`'s service; its typed answer, or RemoteError with the service's refusal."""
        result = await self.request(op.context, op.name, body.model_dump(mode="json"), caller)
        return op.response.model_validate(result)

    async def request(self, context: str, name: str, sent: dict[str, Any], caller: Caller) -> Any:
        """One round trip to `context`'s `name`: the result as JSON data. The transport
        under `send` (and what load shedding wraps); callers name an operation instead."""
        key = None
        if self.idempotency_key is not None:
            digest = idempotency.request_hash(sent)
            key = IdempotencyKey(
                key=idempotency.form_key(self.idempotency_key, digest)
                if self.key_per_body
                else self.idempotency_key,
                request_hash=digest,
                user_id=caller.user_id,
                operation=f"{context}.{name}",
            )
        payload = RpcRequest(caller=caller, body=sent, idempotency=key).model_dump(mode="json")
        try:
            response = await self.broker.request(
                payload, rpc_subject(context, name), timeout=self.timeout
            )
        except (NoRespondersError, NatsTimeoutError, TimeoutError) as exc:
            raise RemoteError(
                RpcError(
                    kind=ErrorKind.unavailable,
                    code="service_unavailable",
                    message=f"Der Dienst „{context}“ antwortet gerade nicht. "
                    "Bitte gleich erneut versuchen.",
                )
            ) from exc
        reply = RpcReply.model_validate_json(response.body)
        if not reply.ok:
            assert reply.error is not None
            raise RemoteError(reply.error)
        return reply.result
