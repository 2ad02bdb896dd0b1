"""Aftercare: the decider (offered once, then accepted or declined), and the policy that
offers it when placement reports `PlacementCompleted` — once per household, however
often the event arrives, inside the consumer's transaction, with the event as cause."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest

from services.prevention.application.aftercare_policy import ACTOR, AftercarePolicy
from services.prevention.domain import aftercare as ac
from shared.clock import business_time
from shared.contracts.prevention import (
    AftercareAccepted,
    AftercareDeclined,
    AftercareDeclineReason,
    AftercareStatus,
    ListAftercare,
)
from shared.decider import NotFound, RuleViolation
from shared.testing import given
from support.builders.prevention import (
    COORDINATOR,
    HID,
    OFFER_IT,
    OFFERED,
    TODAY,
    Setup,
    placement,
    prevention_setup,
)


@pytest.fixture
async def setup(tmp_path: Path) -> AsyncIterator[Setup]:
    async with prevention_setup(tmp_path) as it:
        yield it


def test_a_placed_household_is_offered_aftercare_once() -> None:
    given(ac.aftercare).when(OFFER_IT).then(OFFERED)
    given(ac.aftercare, OFFERED).when(OFFER_IT).then_error(RuleViolation, "already_offered")
    assert ac.stream_id("koeln", HID) == f"aftercare:koeln:{HID}"


def test_the_household_accepts_or_declines_once() -> None:
    accept = ac.AcceptAftercare(date(2025, 4, 3), TODAY)
    decline = ac.DeclineAftercare(AftercareDeclineReason.not_needed, date(2025, 4, 3), TODAY)
    day = business_time(date(2025, 4, 3))
    given(ac.aftercare, OFFERED).when(accept).then(
        AftercareAccepted(household_id=HID, provider="caritas", occurred_at=day)
    )
    declined = AftercareDeclined(
        household_id=HID,
        provider="caritas",
        reason=AftercareDeclineReason.not_needed,
        occurred_at=day,
    )
    given(ac.aftercare, OFFERED).when(decline).then(declined)
    error = given(ac.aftercare, OFFERED, declined).when(accept)
    assert "abgelehnt" in error.then_error(RuleViolation, "already_decided").message


def test_a_decision_needs_an_offer_and_a_day_between_offer_and_today() -> None:
    given(ac.aftercare).when(ac.AcceptAftercare(TODAY, TODAY)).then_error(NotFound)
    given(ac.aftercare, OFFERED).when(ac.AcceptAftercare(date(2025, 3, 19), TODAY)).then_error(
        RuleViolation, "too_early"
    )
    given(ac.aftercare, OFFERED).when(ac.AcceptAftercare(date(2025, 7, 1), TODAY)).then_error(
        RuleViolation, "in_future"
    )


async def test_the_policy_offers_aftercare_once_for_a_redelivered_placement(setup: Setup) -> None:
    first, again = placement(), placement()  # same placement, republished with a new id
    policy = AftercarePolicy(setup.commands.store)
    for batch in ([first], [again], [first, again]):
        async with setup.commands.db.transaction() as conn:
            await policy.apply(conn, batch)
    async with setup.commands.db.transaction() as conn:
        history = await setup.commands.store.load(conn, ac.stream_id("koeln", HID))
    assert [r.event for r in history] == [OFFERED]
    envelope = history[0].envelope
    assert (envelope.actor, envelope.causation_id, envelope.correlation_id) == (
        ACTOR,
        first.envelope.event_id,
        first.envelope.correlation_id,
    )
    assert envelope.provider == "caritas"
    offers = await setup.aftercare.listing(ListAftercare(), COORDINATOR)
    assert [(o.household_id, o.status, o.minors) for o in offers.offers] == [
        (HID, AftercareStatus.offered, 1)
    ]


async def test_the_same_household_id_in_another_municipality_is_another_offer(
    setup: Setup,
) -> None:
    async with setup.commands.db.transaction() as conn:
        await AftercarePolicy(setup.commands.store).apply(
            conn, [placement(), placement(municipality="bergisch-gladbach")]
        )
    offers = await setup.aftercare.listing(ListAftercare(), COORDINATOR)
    assert len(offers.offers) == 1
