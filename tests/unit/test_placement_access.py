"""Who may do what in placement: roles get 403, another provider's household is not found."""

from __future__ import annotations

from uuid import uuid4

import pytest

from services.placement.application import access
from services.placement.domain.offer_commands import Candidate
from shared.access import EVERY_PROVIDER, ProviderScope
from shared.decider import Forbidden, NotFound
from shared.identity import Caller, Role


def caller(role: Role, provider: str | None = None) -> Caller:
    return Caller(
        user_id="u", role=role, municipality="koeln", provider=provider, correlation_id=uuid4()
    )


CARITAS_HOUSEHOLD = Candidate(uuid4(), "caritas", adults=1, minors=0, has_wbs=None)


def test_only_the_coordination_runs_placement_commands() -> None:
    access.coordinator_only(caller(Role.coordinator), "x")
    for role in (Role.caseworker, Role.volunteer, Role.analyst, Role.housing_office, Role.admin):
        with pytest.raises(Forbidden):
            access.coordinator_only(caller(role, "caritas"), "Vermittlungen abschließen")


def test_a_caseworker_works_on_their_own_providers_households_only() -> None:
    own = caller(Role.caseworker, "caritas")
    assert access.visible(own, CARITAS_HOUSEHOLD) is CARITAS_HOUSEHOLD
    assert access.provider_scope(own) == ProviderScope.only("caritas")
    with pytest.raises(NotFound):
        access.visible(caller(Role.caseworker, "drk"), CARITAS_HOUSEHOLD)
    with pytest.raises(NotFound):
        access.visible(own, None)


def test_a_caseworker_without_a_provider_sees_nothing_rather_than_everything() -> None:
    with pytest.raises(NotFound):
        access.visible(caller(Role.caseworker), CARITAS_HOUSEHOLD)


def test_the_coordination_sees_every_provider_and_other_roles_nothing() -> None:
    assert access.provider_scope(caller(Role.coordinator)) is EVERY_PROVIDER
    assert access.visible(caller(Role.coordinator), CARITAS_HOUSEHOLD) is CARITAS_HOUSEHOLD
    for role in (Role.volunteer, Role.analyst):
        with pytest.raises(Forbidden):
            access.visible(caller(role), CARITAS_HOUSEHOLD)
