"""A retracted placement withdraws the aftercare offer it caused: once, only the offer of
that flat, an accepted one too, a declined one never; the policy does it inside the
consumer's transaction, and the list shows the offer as withdrawn."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from uuid import UUID, uuid4

import pytest

from services.prevention.application.aftercare_policy import AftercarePolicy
from services.prevention.domain import aftercare as ac
from shared.clock import business_time
from shared.contracts.placement import LandlordKind, PlacementRetracted, RetractionReason
from shared.contracts.prevention import (
    AftercareAccepted,
    AftercareDeclined,
    AftercareDeclineReason,
    AftercareStatus,
    ListAftercare,
)
from shared.contracts.prevention.codes import AftercareWithdrawalReason
from shared.contracts.prevention.events import AftercareWithdrawn
from shared.decider import RuleViolation
from shared.envelope import Envelope
from shared.eventstore.store import RecordedEvent
from shared.testing import given
from support.builders.prevention import (
    COORDINATOR,
    HID,
    OFFER,
    OFFER_IT,
    OFFERED,
    TODAY,
    Setup,
    placement,
    prevention_setup,
)

CORRECTED_ON = date(2025, 4, 7)
WITHDRAW = ac.WithdrawAftercare(offer_id=OFFER, withdrawn_on=CORRECTED_ON)
WITHDRAWN = AftercareWithdrawn(
    household_id=HID,
    provider="caritas",
    offer_id=OFFER,
    reason=AftercareWithdrawalReason.placement_retracted,
    occurred_at=business_time(CORRECTED_ON),
)
ACCEPTED = AftercareAccepted(
    household_id=HID, provider="caritas", occurred_at=business_time(date(2025, 4, 3))
)
DECLINED = AftercareDeclined(
    household_id=HID,
    provider="caritas",
    reason=AftercareDeclineReason.household_declined,
    occurred_at=business_time(date(2025, 4, 3)),
)


def test_the_offer_of_the_retracted_placement_is_withdrawn_once() -> None:
    given(ac.aftercare, OFFERED).when(WITHDRAW).then(WITHDRAWN)
    given(ac.aftercare, OFFERED, WITHDRAWN).when(WITHDRAW).then()


def test_an_accepted_offer_is_withdrawn_too_a_declined_one_stays() -> None:
    given(ac.aftercare, OFFERED, ACCEPTED).when(WITHDRAW).then(WITHDRAWN)
    given(ac.aftercare, OFFERED, DECLINED).when(WITHDRAW).then()


def test_another_flats_retraction_or_no_offer_changes_nothing() -> None:
    other = ac.WithdrawAftercare(offer_id=uuid4(), withdrawn_on=CORRECTED_ON)
    given(ac.aftercare, OFFERED).when(other).then()
    given(ac.aftercare).when(WITHDRAW).then()


def test_a_withdrawn_offer_takes_no_answer_but_a_new_placement_offers_again() -> None:
    accept = ac.AcceptAftercare(date(2025, 4, 8), TODAY)
    error = given(ac.aftercare, OFFERED, WITHDRAWN).when(accept)
    assert "Vermittlung" in error.then_error(RuleViolation, "withdrawn").message
    again = replace(OFFER_IT, lease_signed_on=date(2025, 5, 2))
    given(ac.aftercare, OFFERED, WITHDRAWN).when(again).then(
        OFFERED.model_copy(update={"occurred_at": business_time(date(2025, 5, 2))})
    )
    state = ac.aftercare.evolve(ac.aftercare.evolve(ac.Aftercare(), OFFERED), WITHDRAWN)
    assert (state.status, state.decided_on) == (AftercareStatus.withdrawn, CORRECTED_ON)


def retraction(offer_id: UUID = OFFER) -> RecordedEvent:
    event = PlacementRetracted(
        household_id=HID,
        offer_id=offer_id,
        landlord_kind=LandlordKind.municipal_housing_company,
        provider="caritas",
        adults=2,
        minors=1,
        refugee_quota=True,
        volunteer_supported=False,
        household_had_wbs=True,
        lease_signed_on=date(2025, 3, 20),
        reason=RetractionReason.entered_by_mistake,
        occurred_at=business_time(CORRECTED_ON),
    )
    envelope = Envelope(
        event_id=uuid4(),
        event_type="PlacementRetracted",
        schema_version=1,
        stream_id=f"offer:koeln:{offer_id}",
        stream_version=8,
        municipality="koeln",
        provider="caritas",
        actor="koordinatorin",
        correlation_id=uuid4(),
        causation_id=None,
        occurred_at=event.occurred_at,
        recorded_at=datetime.now(UTC),
        payload=event.payload(),
    )
    return RecordedEvent(envelope, event)


@pytest.fixture
async def setup(tmp_path: Path) -> AsyncIterator[Setup]:
    async with prevention_setup(tmp_path) as it:
        yield it


async def test_the_policy_withdraws_the_offer_once_and_the_list_shows_it(setup: Setup) -> None:
    policy = AftercarePolicy(setup.commands.store)
    first, again = retraction(), retraction()  # the same correction, redelivered
    for batch in ([placement()], [retraction(uuid4())], [first], [again, first]):
        async with setup.commands.db.transaction() as conn:
            await policy.apply(conn, batch)
    async with setup.commands.db.transaction() as conn:
        history = await setup.commands.store.load(conn, ac.stream_id("koeln", HID))
    assert [r.event for r in history] == [OFFERED, WITHDRAWN]
    assert history[1].envelope.causation_id == first.envelope.event_id
    offers = await setup.aftercare.listing(ListAftercare(), COORDINATOR)
    assert [(o.status, o.decided_on) for o in offers.offers] == [
        (AftercareStatus.withdrawn, CORRECTED_ON)
    ]
