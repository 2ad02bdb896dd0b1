"""Aftercare: the decider (offered once, then accepted or declined), and the policy that
offers it when placement reports `PlacementCompleted` — once per household, however
often the event arrives, inside the consumer's transaction, with the event as cause."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from test_prevention_use_cases import COORDINATOR, Setup, prevention_setup

from services.prevention.application.aftercare_policy import ACTOR, AftercarePolicy
from services.prevention.domain import aftercare as ac
from shared.clock import business_time
from shared.contracts.placement import LandlordKind, PlacementCompleted
from shared.contracts.prevention import (
    AftercareAccepted,
    AftercareDeclined,
    AftercareDeclineReason,
    AftercareOffered,
    AftercareStatus,
    ListAftercare,
)
from shared.decider import NotFound, RuleViolation
from shared.envelope import Envelope
from shared.eventstore.store import RecordedEvent
from shared.testing import given


@pytest.fixture
async def setup(tmp_path: Path) -> AsyncIterator[Setup]:
    async with prevention_setup(tmp_path) as it:
        yield it


HID = UUID("00000000-0000-4000-8000-000000000001")
OFFER = UUID("00000000-0000-4000-8000-0000000000f1")
TODAY = date(2025, 6, 30)
OFFERED = AftercareOffered(
    household_id=HID,
    provider="caritas",
    adults=2,
    minors=1,
    offer_id=OFFER,
    moved_on=date(2025, 4, 1),
    occurred_at=business_time(date(2025, 3, 20)),
)
OFFER_IT = ac.OfferAftercare(HID, "caritas", 2, 1, OFFER, date(2025, 4, 1), date(2025, 3, 20))


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


def placement(household_id: UUID = HID, municipality: str = "koeln") -> RecordedEvent:
    event = PlacementCompleted(
        household_id=household_id,
        offer_id=OFFER,
        landlord_id=uuid4(),
        landlord_kind=LandlordKind.municipal_housing_company,
        provider="caritas",
        adults=2,
        minors=1,
        refugee_quota=True,
        volunteer_supported=False,
        wbs_required=True,
        household_had_wbs=True,
        moved_on=date(2025, 4, 1),
        occurred_at=business_time(date(2025, 3, 20)),
    )
    envelope = Envelope(
        event_id=uuid4(),
        event_type="PlacementCompleted",
        schema_version=1,
        stream_id=f"offer:{municipality}:{OFFER}",
        stream_version=7,
        municipality=municipality,
        provider="caritas",
        actor="koordinatorin",
        correlation_id=uuid4(),
        causation_id=None,
        occurred_at=event.occurred_at,
        recorded_at=datetime.now(UTC),
        payload=event.payload(),
    )
    return RecordedEvent(envelope, event)


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
