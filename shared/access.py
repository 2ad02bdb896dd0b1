"""Access helpers every context uses: the provider scope of a reader, and a decider
that checks access on the state it decides on.

A caseworker works for one provider (Träger) and sees that provider's records only; a
caseworker without a provider sees none rather than every one. The other roles a
context lets read see every provider's records of their municipality. Which roles may
read at all is the context's own rule (services/<context>/application/access.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from shared.contracts import places
from shared.decider import C, Decider, E, FieldRefused, S
from shared.identity import Caller, Role


@dataclass(frozen=True)
class ProviderScope:
    """Whose records a caller sees: every provider's, one provider's, or none.

    Build it with `EVERY_PROVIDER`, `NO_PROVIDER` or `ProviderScope.only(provider)`.
    A query asks `nothing` first (then it finds nothing, without asking the database)
    and otherwise filters on `provider` (None: every provider).
    """

    every: bool
    provider: str | None

    @classmethod
    def only(cls, provider: str | None) -> ProviderScope:
        """Only `provider`'s records; none at all when there is no provider."""
        return cls(every=False, provider=provider)

    @property
    def nothing(self) -> bool:
        """True when the scope holds no provider at all: every query finds nothing."""
        return not self.every and self.provider is None

    def sees(self, provider: str | None) -> bool:
        """Whether a record of `provider` is in scope (a record of no provider never is)."""
        return provider is not None and (self.every or provider == self.provider)

    def narrowed(self, requested: str | None) -> ProviderScope:
        """The part of this scope a filter for `requested` (None: no filter) leaves: a
        filter for another provider than the caller's own finds nothing, never refuses
        (a refusal would tell that the provider's records exist)."""
        if requested is None:
            return self
        return ProviderScope.only(requested if self.sees(requested) else None)


EVERY_PROVIDER = ProviderScope(every=True, provider=None)
NO_PROVIDER = ProviderScope(every=False, provider=None)


def provider_scope(caller: Caller) -> ProviderScope:
    """The scope of a caller the context lets read: a caseworker their own provider's
    records (none without a provider), every other role every provider's."""
    if caller.role is Role.caseworker:
        return ProviderScope.only(caller.provider)
    return EVERY_PROVIDER


def require_known_provider(caller: Caller, provider: str, field: str = "provider") -> None:
    """Every command that names a provider names one the municipality knows
    (shared/contracts/places.py): a typo ("karitas") would otherwise become a provider
    nobody sees and the figures count apart. Refused at `field` (HTTP 422). A
    municipality the registry does not know yet accepts any well-formed code."""
    known = places.providers_of(caller.municipality)
    if known and provider not in known:
        raise FieldRefused(
            field,
            "unknown_provider",
            f"Den Träger „{provider}“ gibt es in {places.municipality_name(caller.municipality)} "
            f"nicht. Bitte einen dieser wählen: {', '.join(known.values())}.",
        )


def guarded(decider: Decider[C, E, S], check: Callable[[S], None]) -> Decider[C, E, S]:
    """`decider`, checking access on the state it decides on, inside the same transaction."""

    def decide(command: C, state: S) -> Sequence[E]:
        check(state)
        return decider.decide(command, state)

    return Decider(decide=decide, evolve=decider.evolve, initial_state=decider.initial_state)
