"""Who may do what in placement.

- Coordinators (Amt für Wohnungswesen) run placement: landlords, offers, the landlord's
  decision, guarantees, the lease, the municipality's rules.
- Caseworkers of a provider may propose their own provider's households and arrange and
  record their viewings; they read offers, matches and stalled cases of their households.
- Everyone else is refused (403). A household of another provider is "not found" (404),
  so a caseworker learns nothing about its existence.
- A household whose processing is restricted (Art. 18 DSGVO, §84 SGB X) is "not found"
  for everyone but a coordinator. The coordinator may still finish the steps already
  running on an offer (landlord's answer, viewing, guarantees, lease): stopping a move
  half-way would harm the household the restriction protects, and the coordinator who
  restricted it is the one person who may still process it. New proposals are refused
  (409, see `domain/offer_rules.not_restricted`).
"""

from __future__ import annotations

from services.placement.domain.offer_commands import Candidate
from shared import access as shared_access
from shared.access import ProviderScope
from shared.decider import Forbidden, NotFound
from shared.identity import Caller, Role

READERS = {Role.coordinator, Role.caseworker}


def coordinator_only(caller: Caller, what: str) -> None:
    if caller.role is not Role.coordinator:
        raise Forbidden("role", f"Nur die Koordination darf {what}.")


def reader(caller: Caller) -> None:
    if caller.role not in READERS:
        raise Forbidden("role", "Ihre Rolle hat keinen Zugriff auf die Wohnungsvermittlung.")


def provider_scope(caller: Caller) -> ProviderScope:
    """Whose households a reader works on: a coordinator every provider's, a caseworker
    their own provider's (403 for every other role)."""
    reader(caller)
    return shared_access.provider_scope(caller)


def may_work_on(caller: Caller, provider: str) -> bool:
    return provider_scope(caller).sees(provider)


def sees_restricted(caller: Caller) -> bool:
    """Only a coordinator reads a household whose processing is restricted."""
    return caller.role is Role.coordinator


def visible(caller: Caller, household: Candidate | None) -> Candidate:
    """The household if the caller may work on it; otherwise not found, never forbidden."""
    if household is None or not may_work_on(caller, household.provider):
        raise NotFound("household", "Haushalt nicht gefunden.")
    if household.restricted and not sees_restricted(caller):
        raise NotFound("household", "Haushalt nicht gefunden.")
    return household
