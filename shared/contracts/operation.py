"""One declaration per operation a service answers over the bus: its name, what it takes,
what it answers and which roles may call it.

The service registers its handler by the declaration (`RpcRouter.handle(op)`), the gateway
calls it by the same declaration (`RpcClient.send(op, body, caller) -> response`), so the
name is written once and both ends agree on the types. Declarations live beside the
context's request and view types in `shared/contracts/<context>/operations.py`:

    ops = Operations("placement")
    GET_OFFER = ops.query("get_offer", GetOffer, OfferView, roles=CASE_STAFF)
    WITHDRAW_OFFER = ops.command_on("withdraw_offer", WithdrawOffer, OfferRef, roles=...)

A command on one entity named in a URL path (`/offers/{offer_id}/withdrawal`) travels as
`Addressed[Body]`: the entity's id and the body, the one shape for every context.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar
from uuid import UUID

from pydantic import BaseModel

from shared.identity import Role

Q = TypeVar("Q", bound=BaseModel)
R = TypeVar("R", bound=BaseModel)
B = TypeVar("B", bound=BaseModel)


class Addressed(BaseModel, Generic[B]):
    """A command on one thing named in the path: its id and the command's own fields."""

    id: UUID
    body: B


@dataclass(frozen=True)
class Operation(Generic[Q, R]):
    """A request `context` answers on `auszug.rpc.<context>.<name>`."""

    context: str
    name: str
    request: type[Q]
    response: type[R]
    roles: frozenset[Role]
    # Whether it changes something: a query's handler reads through `db.read()` only.
    changes: bool
    # The command inside `Addressed[...]` (what a form fills in), else the request itself.
    command: type[BaseModel] = field(default=BaseModel)

    @property
    def subject(self) -> str:
        return f"auszug.rpc.{self.context}.{self.name}"

    @property
    def key(self) -> str:
        """`<context>.<name>`: how metrics, logs and idempotency keys name it."""
        return f"{self.context}.{self.name}"

    def allows(self, role: Role) -> bool:
        return role in self.roles


class Operations:
    """The declarations of one context; refuses a name declared twice."""

    def __init__(self, context: str) -> None:
        self.context = context
        self.declared: dict[str, Operation[Any, Any]] = {}

    def _add(self, op: Operation[Q, R]) -> Operation[Q, R]:
        if op.name in self.declared:
            raise ValueError(f"operation {op.key} declared twice")
        self.declared[op.name] = op
        return op

    def query(
        self, name: str, request: type[Q], response: type[R], *, roles: Iterable[Role]
    ) -> Operation[Q, R]:
        """A request that reads (the service answers it from `db.read()`)."""
        return self._add(
            Operation(self.context, name, request, response, frozenset(roles), False, request)
        )

    def command(
        self, name: str, request: type[Q], response: type[R], *, roles: Iterable[Role]
    ) -> Operation[Q, R]:
        """A request that changes something; its body is the whole command."""
        return self._add(
            Operation(self.context, name, request, response, frozenset(roles), True, request)
        )

    def command_on(
        self, name: str, body: type[B], response: type[R], *, roles: Iterable[Role]
    ) -> Operation[Addressed[B], R]:
        """A command on one entity: sent as `Addressed[body]` (the id from the URL path)."""
        request: type[Addressed[B]] = Addressed[body]  # type: ignore[valid-type]
        return self._add(
            Operation(self.context, name, request, response, frozenset(roles), True, body)
        )

    def __iter__(self) -> Iterator[Operation[Any, Any]]:
        return iter(self.declared.values())


ALL_ROLES = frozenset(Role)
