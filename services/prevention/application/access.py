"""Who may do what in the Wohnintegrationshilfe, in one place.

- housing_office (Fachstelle Wohnen): grants the help — admits, rejects, extends — and
  may check eligibility, record consent and close; it sees every case of the municipality.
- caseworker: works the cases of their own provider (the Träger running the help, e.g.
  SKM): eligibility, consent, visit rhythm, home visits, mediation, negotiations,
  referrals out, closing. Another provider's case is "not found" (404), never forbidden,
  so nobody learns that it exists.
- coordinator: sees every case and offer of the municipality, records referrals and
  decides aftercare offers; the help itself is the provider's and the office's.
- everyone else (volunteer, analyst, admin): refused (403); the case data is personal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from services.prevention.domain.case_state import Case
from shared.decider import C, Decider, E, Forbidden, NotFound, S
from shared.identity import Caller, Role

READERS = frozenset({Role.coordinator, Role.housing_office, Role.caseworker})
REFERRERS = READERS
OFFICE = frozenset({Role.housing_office})
PROVIDER = frozenset({Role.caseworker})
PROVIDER_OR_OFFICE = frozenset({Role.caseworker, Role.housing_office})
AFTERCARE_DECIDERS = frozenset({Role.coordinator, Role.caseworker})

_WHO = {
    OFFICE: "Nur die Fachstelle Wohnen darf {what}.",
    PROVIDER: "Nur die Fachkraft des Trägers, der den Fall führt, darf {what}.",
    PROVIDER_OR_OFFICE: "Nur der Träger des Falls oder die Fachstelle Wohnen darf {what}.",
    AFTERCARE_DECIDERS: "Nur Koordination oder Fachkraft des Trägers darf {what}.",
}


def require(caller: Caller, allowed: frozenset[Role], what: str) -> None:
    """403 unless the caller's role is `allowed`; `what` completes „… darf {what}.“"""
    if caller.role not in allowed:
        template = _WHO.get(allowed, "Ihre Rolle darf nicht {what}.")
        raise Forbidden("role", template.format(what=what))


def reader(caller: Caller) -> None:
    if caller.role not in READERS:
        raise Forbidden("role", "Ihre Rolle hat keinen Zugriff auf die Wohnintegrationshilfe.")


def provider_scope(caller: Caller) -> str | None:
    """The provider a caller is limited to; None for those who see every provider."""
    if caller.role is Role.caseworker:
        # A caseworker without a provider sees nothing rather than everything.
        return caller.provider or "\x00"
    return None


def require_own_provider(caller: Caller, provider: str) -> None:
    """A caseworker records referrals for their own provider only."""
    if caller.role is Role.caseworker and provider != caller.provider:
        raise Forbidden("other_provider", "Sie können nur Fälle Ihres eigenen Trägers aufnehmen.")


def may_see(caller: Caller, provider: str | None) -> bool:
    scope = provider_scope(caller)
    return provider is not None and (scope is None or scope == provider)


def visible(caller: Caller, state: Case) -> None:
    """Not found, whether the case does not exist or belongs to another provider."""
    if not state.referred or not may_see(caller, state.provider):
        raise NotFound("case", "Fall nicht gefunden.")


def guarded(decider: Decider[C, E, S], check: Callable[[S], None]) -> Decider[C, E, S]:
    """`decider`, checking access on the state it decides on, inside the same transaction."""

    def decide(command: C, state: S) -> Sequence[E]:
        check(state)
        return decider.decide(command, state)

    return Decider(decide=decide, evolve=decider.evolve, initial_state=decider.initial_state)
