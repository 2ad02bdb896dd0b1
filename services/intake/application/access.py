"""Who may do what in intake, in one place.

- coordinator: everything, for every household of the municipality;
- caseworker: reads and changes the households of their own provider only; another
  provider's household answers 404 exactly like one that does not exist, so neither a
  read nor a command reveals that it exists (no existence leak: docs/architecture.md,
  trust boundaries);
- admin: reads, no commands;
- housing_office, analyst, volunteer: no intake commands and no household data (403).

Hand-over, duplicate decisions and the central inquiry inbox are the coordinator's, and
so are erasure, restriction and the data subject's export. A restricted household (Art.
18 DSGVO) is seen by a coordinator only: for every other role it does not exist (404).
"""

from __future__ import annotations

from services.intake.domain.household import Household
from shared.decider import Forbidden, NotFound
from shared.identity import Caller, Role

STAFF = frozenset({Role.coordinator, Role.caseworker})
READERS = frozenset({Role.coordinator, Role.caseworker, Role.admin})
SEES_ALL_PROVIDERS = frozenset({Role.coordinator, Role.admin})


def require_staff(caller: Caller) -> None:
    """Only coordinators and caseworkers change intake's data."""
    if caller.role not in STAFF:
        raise Forbidden("role", "Ihre Rolle darf in der Aufnahme nichts ändern.")


def require_reader(caller: Caller) -> None:
    if caller.role not in READERS:
        raise Forbidden("role", "Ihre Rolle sieht keine Haushaltsdaten.")


def require_coordinator(caller: Caller, action: str) -> None:
    """`action` completes the sentence „Nur die Koordination darf …“."""
    if caller.role is not Role.coordinator:
        raise Forbidden("coordinator_only", f"Nur die Koordination darf {action}.")


def require_own_provider(caller: Caller, provider: str) -> None:
    """A caseworker registers households for their own provider only."""
    if caller.role is Role.caseworker and provider != caller.provider:
        raise Forbidden(
            "other_provider", "Sie können nur Haushalte Ihres eigenen Trägers aufnehmen."
        )


def may_see(caller: Caller, state: Household) -> bool:
    if state.restricted:
        return state.registered and caller.role is Role.coordinator
    return state.registered and (
        caller.role in SEES_ALL_PROVIDERS
        or (caller.role is Role.caseworker and caller.provider == state.provider)
    )


def require_visible(caller: Caller, state: Household) -> None:
    if not may_see(caller, state):
        # Same answer whether it does not exist or is not yours: no existence leak.
        raise NotFound("household", "Haushalt nicht gefunden.")
