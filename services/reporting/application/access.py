"""Who may see what in reporting: aggregate figures, case lists, the caseboard."""

from __future__ import annotations

from services.reporting.domain.figures import PREVENTION_KEYS
from shared.decider import Forbidden
from shared.identity import Caller, Role

MAY_READ_FIGURES = {
    Role.coordinator,
    Role.analyst,
    Role.admin,
    Role.caseworker,
    Role.housing_office,
}
SEE_EVERY_PROVIDER = {Role.coordinator, Role.admin}


def require_figures(caller: Caller) -> None:
    if caller.role not in MAY_READ_FIGURES:
        raise Forbidden("role", "Ihre Rolle darf keine Kennzahlen abrufen.")


def cases_scope(caller: Caller, key: str, provider: str | None) -> str | None:
    """The provider whose case ids the caller may list behind figure `key` (None: all).

    Analysts see aggregates only, never case ids; a caseworker sees the cases of their
    own provider; the housing office those of the Wohnintegrationshilfe it decides on.
    """
    if caller.role in SEE_EVERY_PROVIDER:
        return provider
    if caller.role is Role.housing_office and key in PREVENTION_KEYS:
        return provider
    if caller.role is Role.caseworker and caller.provider is not None:
        if provider not in (None, caller.provider):
            raise Forbidden("other_provider", "Sie sehen nur die Fälle Ihres eigenen Trägers.")
        return caller.provider
    raise Forbidden("role", "Ihre Rolle darf keine Fälle hinter den Kennzahlen sehen.")


def may_open_cases(caller: Caller, key: str, provider: str | None, municipal_only: bool) -> bool:
    """Whether the caller may list the cases behind figure `key` of a report for `provider`:
    what `cases_scope` allows, for a figure that exists for the provider scoped to. A
    caseworker opens the cases of their own provider's report only: behind a figure of
    all providers they would see a part of it, under the whole figure's name."""
    if caller.role is Role.caseworker and provider != caller.provider:
        return False
    try:
        scoped = cases_scope(caller, key, provider)
    except Forbidden:
        return False
    return scoped is None or not municipal_only


def caseboard_scope(caller: Caller, provider: str | None) -> str | None:
    """The provider whose open cases the caller may list (None: all of the municipality)."""
    if caller.role in SEE_EVERY_PROVIDER:
        return provider
    if caller.role is Role.caseworker and caller.provider is not None:
        if provider not in (None, caller.provider):
            raise Forbidden("other_provider", "Sie sehen nur die Fälle Ihres eigenen Trägers.")
        return caller.provider
    raise Forbidden("role", "Ihre Rolle darf die Fallübersicht nicht sehen.")


def follow_ups_scope(caller: Caller, provider: str | None) -> str | None:
    """The provider whose follow-ups the caller may list (None: all of the municipality);
    the housing office's are further limited to prevention cases by the query."""
    if caller.role is Role.housing_office:
        return provider
    return caseboard_scope(caller, provider)
