"""The provider scope every context reads with, and the access check on the state a
command is decided on (shared/access.py)."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import uuid4

import pytest

from shared.access import EVERY_PROVIDER, NO_PROVIDER, ProviderScope, guarded, provider_scope
from shared.decider import Decider, Forbidden
from shared.identity import Caller, Role


def caller(role: Role, provider: str | None = None) -> Caller:
    return Caller(
        user_id="u-1", role=role, municipality="koeln", provider=provider, correlation_id=uuid4()
    )


def test_a_caseworker_sees_their_own_provider_only() -> None:
    scope = provider_scope(caller(Role.caseworker, "caritas"))
    assert scope == ProviderScope.only("caritas")
    assert (scope.nothing, scope.provider) == (False, "caritas")
    assert scope.sees("caritas")
    assert not scope.sees("drk")
    assert not scope.sees(None)


def test_a_caseworker_without_a_provider_sees_nothing_rather_than_everything() -> None:
    scope = provider_scope(caller(Role.caseworker))
    assert scope == NO_PROVIDER
    assert scope.nothing
    assert not scope.sees("caritas")
    assert not scope.sees(None)


@pytest.mark.parametrize("role", [Role.coordinator, Role.admin, Role.housing_office])
def test_the_other_roles_see_every_provider(role: Role) -> None:
    scope = provider_scope(caller(role, "caritas"))
    assert scope is EVERY_PROVIDER
    assert (scope.nothing, scope.provider) == (False, None)
    assert scope.sees("caritas") and scope.sees("drk")
    # A record of no provider at all is in nobody's scope.
    assert not scope.sees(None)


def test_a_filter_narrows_the_scope_and_never_widens_it() -> None:
    assert EVERY_PROVIDER.narrowed(None) is EVERY_PROVIDER
    assert EVERY_PROVIDER.narrowed("drk") == ProviderScope.only("drk")
    caritas = ProviderScope.only("caritas")
    assert caritas.narrowed(None) == caritas
    assert caritas.narrowed("caritas") == caritas
    # Another provider's records are not refused (that would tell they exist): none.
    assert caritas.narrowed("drk").nothing
    assert NO_PROVIDER.narrowed("caritas").nothing


def counting() -> Decider[int, int, int]:
    def decide(command: int, state: int) -> Sequence[int]:
        return [command]

    return Decider(decide=decide, evolve=lambda state, event: state + event, initial_state=0)


def test_guarded_checks_the_state_the_command_is_decided_on() -> None:
    seen: list[int] = []

    def check(state: int) -> None:
        seen.append(state)
        if state > 2:
            raise Forbidden("role", "Nein.")

    decider = guarded(counting(), check)
    assert decider.decide(1, 2) == [1]
    with pytest.raises(Forbidden):
        decider.decide(1, 3)
    assert seen == [2, 3]
    assert decider.fold([1, 2]) == 3  # evolving is the decider's own
