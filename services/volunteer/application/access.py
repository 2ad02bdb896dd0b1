"""Who may do what in volunteer, in one place.

- coordinator: manages everything of the municipality;
- caseworker: manages volunteers, tandems, office hours and workshops of their own
  provider only; another provider's volunteer, tandem, office hour or workshop answers
  404 exactly like one that does not exist (no existence leak);
- volunteer: reads their own active tandems and the minimal view of those households,
  and records support acts for them; anything else is 403, another tandem 404;
- admin: reads what a coordinator reads, changes nothing;
- housing_office, analyst: nothing here (403).
"""

from __future__ import annotations

from shared import access as shared_access
from shared.access import ProviderScope
from shared.contracts.volunteer.operations import MANAGERS as MANAGERS
from shared.contracts.volunteer.operations import READERS as READERS
from shared.contracts.volunteer.operations import TANDEM_READERS as TANDEM_READERS
from shared.decider import Forbidden, NotFound
from shared.identity import Caller, Role

# The role sets are declared with the operations (shared/contracts/volunteer/operations.py:
# the router refuses any other role before a handler runs); the checks below stay, for the
# use cases are called without the router too (policies, tests) and word their refusal.


def require_manager(caller: Caller) -> None:
    if caller.role not in MANAGERS:
        raise Forbidden("role", "Ihre Rolle darf im Ehrenamt nichts erfassen oder ändern.")


def require_reader(caller: Caller) -> None:
    if caller.role not in READERS:
        raise Forbidden("role", "Ihre Rolle sieht diese Daten des Ehrenamts nicht.")


def require_tandem_reader(caller: Caller) -> None:
    if caller.role not in TANDEM_READERS:
        raise Forbidden("role", "Ihre Rolle sieht keine Tandems.")


def require_own_provider(caller: Caller, provider: str) -> None:
    """A caseworker records for their own provider only."""
    require_manager(caller)
    if caller.role is Role.caseworker and provider != caller.provider:
        raise Forbidden("other_provider", "Sie können nur für Ihren eigenen Träger erfassen.")


def provider_scope(caller: Caller) -> ProviderScope:
    """Whose records a staff reader sees: coordinator and admin every provider's, a
    caseworker their own provider's (403 for every other role)."""
    require_reader(caller)
    return shared_access.provider_scope(caller)


def may_see(caller: Caller, provider: str | None) -> bool:
    return provider_scope(caller).sees(provider)


def require_visible(caller: Caller, provider: str | None, what: str, message: str) -> None:
    """Not found, whether it does not exist or belongs to another provider."""
    if not may_see(caller, provider):
        raise NotFound(what, message)
