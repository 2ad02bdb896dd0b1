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

from services.prevention.domain.case_state import Case
from shared import access as shared_access
from shared.access import ProviderScope
from shared.decider import Forbidden, NotFound
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


def require_own_provider(caller: Caller, provider: str) -> None:
    """A caseworker records referrals for their own provider only."""
    if caller.role is Role.caseworker and provider != caller.provider:
        raise Forbidden("other_provider", "Sie können nur Fälle Ihres eigenen Trägers aufnehmen.")


def provider_scope(caller: Caller) -> ProviderScope:
    """Whose cases a reader sees: a caseworker their own provider's, coordinator and
    housing office every provider's."""
    return shared_access.provider_scope(caller)


def may_see(caller: Caller, provider: str | None) -> bool:
    return provider_scope(caller).sees(provider)


def visible(caller: Caller, state: Case) -> None:
    """Not found, whether the case does not exist or belongs to another provider."""
    if not state.referred or not may_see(caller, state.provider):
        raise NotFound("case", "Fall nicht gefunden.")
