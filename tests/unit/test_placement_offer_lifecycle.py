"""An offer's life in the offer decider: received, withdrawn, expired, let exactly once."""

from __future__ import annotations

from uuid import UUID

from services.placement.domain.offer import offer, stream_id
from services.placement.domain.offer_commands import (
    ExpireOffer,
    ReceiveOffer,
    WithdrawOffer,
)
from shared.clock import business_time
from shared.contracts.placement import (
    LandlordDecision,
    LandlordKind,
    OfferExpired,
    OfferStatus,
    OfferWithdrawn,
    ViewingHeld,
    ViewingOutcome,
    ViewingScheduled,
    WithdrawalReason,
)
from shared.decider import NotFound, RuleViolation
from shared.testing import given
from support.builders.placement import (
    FACTS,
    HID,
    OID,
    OTHER,
    TODAY,
    completed,
    day,
    decided,
    household,
    lease,
    proposed,
    received,
)

VID = UUID("00000000-0000-4000-8000-0000000000b1")


def receive(**overrides: object) -> ReceiveOffer:
    values = {**FACTS, "received_on": day(2), "today": TODAY, **overrides}
    return ReceiveOffer(**values)  # type: ignore[arg-type]


# ---------------------------------------------------------------- receive


def test_receiving_an_offer_records_its_facts_on_the_day_received() -> None:
    given(offer).when(receive()).then(received())


def test_an_offer_is_received_only_once() -> None:
    given(offer, received()).when(receive()).then_error(RuleViolation, code="already_received")


def test_an_offer_received_in_the_future_is_refused() -> None:
    given(offer).when(receive(received_on=day(1, 10))).then_error(RuleViolation, code="in_future")


def test_a_private_landlord_does_not_let_under_the_refugee_guideline() -> None:
    error = (
        given(offer)
        .when(receive(landlord_kind=LandlordKind.private))
        .then_error(RuleViolation, code="quota_needs_housing_company")
    )
    assert "Richtlinie Flü" in error.message
    given(offer).when(receive(landlord_kind=LandlordKind.private, refugee_quota=False)).then(
        received(landlord_kind=LandlordKind.private, refugee_quota=False)
    )


# ---------------------------------------------------------------- withdraw, expire


def test_an_open_offer_can_be_withdrawn() -> None:
    given(offer, received()).when(
        WithdrawOffer(reason=WithdrawalReason.landlord_withdrew, withdrawn_on=day(10), today=TODAY)
    ).then(
        OfferWithdrawn(
            offer_id=OID,
            reason=WithdrawalReason.landlord_withdrew,
            occurred_at=business_time(day(10)),
        )
    )


def test_an_open_offer_can_expire() -> None:
    given(offer, received()).when(ExpireOffer(expired_on=day(30), today=TODAY)).then(
        OfferExpired(offer_id=OID, occurred_at=business_time(day(30)))
    )


def test_a_closed_offer_can_be_neither_withdrawn_nor_expired_again() -> None:
    withdrawn = OfferWithdrawn(
        offer_id=OID, reason=WithdrawalReason.other, occurred_at=business_time(day(10))
    )
    expire = ExpireOffer(expired_on=day(30), today=TODAY)
    given(offer, received(), withdrawn).when(expire).then_error(
        RuleViolation, code="offer_withdrawn"
    )
    let = (received(), proposed(), decided(), completed())
    given(offer, *let).when(expire).then_error(RuleViolation, code="offer_let")


def test_an_offer_cannot_close_before_it_was_received() -> None:
    given(offer, received()).when(ExpireOffer(expired_on=day(1), today=TODAY)).then_error(
        RuleViolation, code="before_received"
    )


def test_commands_on_an_unknown_offer_are_not_found() -> None:
    given(offer).when(ExpireOffer(expired_on=day(30), today=TODAY)).then_error(NotFound)


# ---------------------------------------------------------------- the lease


def test_the_lease_completes_the_placement_with_the_offer_and_household_facts() -> None:
    given(offer, received(), proposed(), decided()).when(lease()).then(completed())


def test_a_tandem_accompanied_viewing_makes_the_placement_volunteer_supported() -> None:
    scheduled = ViewingScheduled(
        offer_id=OID,
        viewing_id=VID,
        household_id=HID,
        provider="caritas",
        viewing_on=day(8),
        occurred_at=business_time(day(6)),
    )
    held = ViewingHeld(
        offer_id=OID,
        viewing_id=VID,
        household_id=HID,
        provider="caritas",
        outcome=ViewingOutcome.household_interested,
        accompanied_by_tandem=True,
        occurred_at=business_time(day(8)),
    )
    given(offer, received(), proposed(), scheduled, held, decided()).when(lease()).then(
        completed(volunteer_supported=True)
    )


def test_household_without_a_known_wbs_is_recorded_as_without() -> None:
    given(offer, received(), proposed(), decided()).when(
        lease(household=household(has_wbs=None))
    ).then(completed(household_had_wbs=False))


def test_an_offer_is_let_only_once() -> None:
    history = (received(), proposed(), proposed(OTHER), decided(), decided(OTHER), completed())
    error = given(offer, *history).when(lease(OTHER)).then_error(RuleViolation, code="offer_let")
    assert "bereits vermietet" in error.message


def test_a_withdrawn_offer_cannot_be_let() -> None:
    withdrawn = OfferWithdrawn(
        offer_id=OID, reason=WithdrawalReason.other, occurred_at=business_time(day(15))
    )
    given(offer, received(), proposed(), decided(), withdrawn).when(lease()).then_error(
        RuleViolation, code="offer_withdrawn"
    )


def test_the_lease_needs_the_landlords_acceptance() -> None:
    given(offer, received(), proposed()).when(lease()).then_error(
        RuleViolation, code="not_accepted"
    )
    given(offer, received()).when(lease()).then_error(RuleViolation, code="not_proposed")
    declined = decided(decision=LandlordDecision.declined)
    given(offer, received(), proposed(), declined).when(lease()).then_error(
        RuleViolation, code="declined_by_landlord"
    )


def test_a_household_that_left_or_moved_elsewhere_cannot_be_placed() -> None:
    history = (received(), proposed(), decided())
    given(offer, *history).when(lease(household=household(deregistered=True))).then_error(
        RuleViolation, code="household_deregistered"
    )
    given(offer, *history).when(lease(household=household(placed_elsewhere=True))).then_error(
        RuleViolation, code="household_placed"
    )


def test_lease_and_move_days_follow_each_other_and_are_not_in_the_future() -> None:
    history = (received(), proposed(), decided())
    given(offer, *history).when(lease(moved_on=day(1, 10))).then_error(
        RuleViolation, code="in_future"
    )
    given(offer, *history).when(lease(lease_signed_on=day(10))).then_error(
        RuleViolation, code="before_acceptance"
    )
    given(offer, *history).when(lease(moved_on=day(19))).then_error(
        RuleViolation, code="moved_before_lease"
    )


def test_state_after_the_lease_is_let_to_the_household() -> None:
    state = offer.fold([received(), proposed(), decided(), completed()])
    assert state.status is OfferStatus.let
    assert state.let_to == HID
    assert state.closed_on == day(20)


def test_streams_are_named_per_municipality() -> None:
    assert stream_id("bergisch-gladbach", OID) == f"offer:bergisch-gladbach:{OID}"
