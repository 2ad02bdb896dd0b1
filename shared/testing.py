"""Given/when/then for deciders: `given(decider, *events).when(command).then(*events)`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from shared.decider import C, Decider, DomainError, E, S

X = TypeVar("X", bound=DomainError)


@dataclass(frozen=True)
class _When(Generic[C, E, S]):
    decider: Decider[C, E, S]
    history: Sequence[E]
    command: C

    def _run(self) -> Sequence[E]:
        return self.decider.decide(self.command, self.decider.fold(self.history))

    def then(self, *expected: E) -> None:
        actual = list(self._run())
        assert actual == list(expected), f"expected {list(expected)!r}\n     got {actual!r}"

    def then_error(self, error: type[X], code: str | None = None) -> X:
        try:
            produced: Any = self._run()
        except error as exc:
            if code is not None:
                assert exc.code == code, f"expected error code {code!r}, got {exc.code!r}"
            return exc
        raise AssertionError(f"expected {error.__name__}, but the decider produced {produced!r}")


@dataclass(frozen=True)
class _Given(Generic[C, E, S]):
    decider: Decider[C, E, S]
    history: Sequence[E]

    def when(self, command: C) -> _When[C, E, S]:
        return _When(self.decider, self.history, command)


def given(decider: Decider[C, E, S], *history: E) -> _Given[C, E, S]:
    return _Given(decider, history)
