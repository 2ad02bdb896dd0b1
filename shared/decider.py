"""The Decider: a domain as three pure functions (initial state, decide, evolve).

Rebuilding state is a fold over past events; deciding turns a command and the state
into new events or a `DomainError`. Nothing here knows about storage or transport.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

C = TypeVar("C")
E = TypeVar("E")
S = TypeVar("S")


@dataclass(frozen=True)
class Decider(Generic[C, E, S]):
    decide: Callable[[C, S], Sequence[E]]
    evolve: Callable[[S, E], S]
    initial_state: S

    def fold(self, events: Iterable[E]) -> S:
        state = self.initial_state
        for event in events:
            state = self.evolve(state, event)
        return state


class DomainError(Exception):
    """A rule of the domain refuses the command. `message` is meant for the caseworker."""

    kind = "rule"

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class FieldRefused(DomainError):
    """One field's value is well-formed but not known here (a provider code the
    municipality does not have): refused at that field like a validation error (HTTP 422),
    so a form shows the message next to the field and an API client learns which one."""

    kind = "validation"

    def __init__(self, field: str, code: str, message: str) -> None:
        super().__init__(code, message)
        self.field = field


class RuleViolation(DomainError):
    """The command contradicts what already happened (HTTP 409)."""

    kind = "conflict"


class NotFound(DomainError):
    """The thing the command is about does not exist, or is not visible (HTTP 404)."""

    kind = "not_found"


class Forbidden(DomainError):
    """The actor's role may not do this (HTTP 403)."""

    kind = "forbidden"
