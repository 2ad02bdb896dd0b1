"""Restriction (Art. 18 DSGVO) in placement: no new proposal, hidden from all but the
coordinator, left out of matching; the read model learns it from intake's events."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from uuid import uuid4

from services.placement.adapters.households import is_restricted, searcher, searching
from services.placement.application import access
from services.placement.application.household_projection import HouseholdProjection
from services.placement.application.offer_view import offer_view
from services.placement.domain.offer import offer
from services.placement.entrypoints.app import MIGRATIONS
from shared.access import ProviderScope
from shared.decider import NotFound, RuleViolation
from shared.testing import given
from support.builders.placement import (
    RECEIVED,
    candidate,
    completed,
    decided,
    lease,
    propose,
    proposed,
    received,
)
from support.builders.restriction import (
    CARITAS,
    COORDINATOR,
    lifted,
    migrated,
    recorded,
    registered,
    restricted,
)


def test_a_restricted_household_is_not_proposed() -> None:
    error = given(offer, RECEIVED).when(propose(candidate(restricted=True)))
    error.then_error(RuleViolation, code="household_restricted")


def test_the_refusal_says_why_in_german() -> None:
    try:
        given(offer, RECEIVED).when(propose(candidate(restricted=True))).then()
    except RuleViolation as refused:
        assert refused.message.startswith("Die Verarbeitung dieses Haushalts ist eingeschränkt")
    else:  # pragma: no cover
        raise AssertionError("not refused")


def test_a_lease_already_under_way_is_completed_for_a_restricted_household() -> None:
    """The coordinator may finish what is running (see placement's access.py)."""
    command = lease()
    restricted_lease = replace(command, household=replace(command.household, restricted=True))
    given(offer, received(), proposed(), decided()).when(restricted_lease).then(completed())


def test_only_a_coordinator_sees_a_restricted_household() -> None:
    household = candidate(restricted=True)
    assert access.visible(COORDINATOR, household) is household
    try:
        access.visible(CARITAS, household)
    except NotFound:
        pass
    else:  # pragma: no cover
        raise AssertionError("a caseworker saw a restricted household")
    assert access.visible(CARITAS, candidate()).household_id == household.household_id


async def test_the_read_model_records_restriction_and_lifting(tmp_path: Path) -> None:
    a, b = uuid4(), uuid4()
    projection = HouseholdProjection()
    async with migrated(MIGRATIONS, tmp_path) as commands:
        async with commands.db.transaction() as conn:
            await projection.apply(conn, [recorded(registered(a)), recorded(registered(b))])
            # A replayed restriction changes nothing.
            await projection.apply(conn, [recorded(restricted(a)), recorded(restricted(a))])
        async with commands.db.transaction() as conn:
            assert [s.household_id for s in await searching(conn, "koeln")] == [b]
            assert await searching(conn, "koeln", household_id=a) == []
            found = await searcher(conn, "koeln", a)
            assert found is not None and found.restricted
            assert await is_restricted(conn, "koeln", a)
            assert not await is_restricted(conn, "bergisch-gladbach", a)
            await projection.apply(conn, [recorded(lifted(a))])
        async with commands.db.transaction() as conn:
            assert {s.household_id for s in await searching(conn, "koeln")} == {a, b}
            found = await searcher(conn, "koeln", a)
            assert found is not None and not found.restricted


def test_a_caseworker_sees_no_step_of_a_restricted_household_on_an_offer() -> None:
    proposal = proposed()
    state = offer.fold([received(), proposal])
    caritas = ProviderScope.only("caritas")
    assert [p.household_id for p in offer_view(state, 2, caritas, None, None).proposals] == [
        proposal.household_id
    ]
    hidden = offer_view(state, 2, caritas, None, None, {proposal.household_id})
    assert hidden.proposals == []
