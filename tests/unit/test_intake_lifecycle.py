"""A household's life in intake: moving accommodation, hand-over, deregistration."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from services.intake.domain.household import Event, household
from services.intake.domain.household_commands import (
    HandOverHousehold,
)
from shared.clock import business_time
from shared.contracts.intake import (
    AccommodationChanged,
    AccommodationKind,
    ConsentPurpose,
    DeregistrationReason,
    HouseholdConsentGiven,
    HouseholdDeregistered,
    HouseholdHandedOver,
)
from shared.decider import NotFound, RuleViolation
from shared.testing import given
from support.builders.household import DAY, HID, TODAY, deregister, move, registered


def deregistered(
    reason: DeregistrationReason = DeregistrationReason.moved_on_own,
) -> HouseholdDeregistered:
    return HouseholdDeregistered(
        household_id=HID, reason=reason, adults=2, minors=2, occurred_at=business_time(DAY)
    )


def hand_over(to: str = "drk", on: date = DAY) -> HandOverHousehold:
    return HandOverHousehold(to_provider=to, handed_over_on=on, today=TODAY)


HANDOVER_CONSENT = UUID("00000000-0000-4000-8000-00000000c0c0")


def handover_consent(on: date = DAY) -> HouseholdConsentGiven:
    """The household agreed to its data going to another provider (required first)."""
    return HouseholdConsentGiven(
        household_id=HID,
        consent_id=HANDOVER_CONSENT,
        purpose_code=ConsentPurpose.provider_handover,
        given_on=on,
        occurred_at=business_time(on),
    )


# ---------------------------------------------------------------- accommodation


def test_moving_to_a_city_rented_flat_records_both_kinds() -> None:
    given(household, registered()).when(move()).then(
        AccommodationChanged(
            household_id=HID,
            accommodation_kind=AccommodationKind.city_rented_flat,
            previous_accommodation_kind=AccommodationKind.shelter,
            occurred_at=business_time(DAY),
        )
    )


def test_moving_between_two_shelters_is_a_change_too() -> None:
    (event,) = household.decide(move(AccommodationKind.shelter), household.fold([registered()]))
    assert isinstance(event, AccommodationChanged)
    assert event.accommodation_kind is AccommodationKind.shelter


def test_the_state_knows_the_new_accommodation() -> None:
    state = household.fold(
        [registered(), *household.decide(move(), household.fold([registered()]))]
    )
    assert state.accommodation_kind is AccommodationKind.city_rented_flat


def test_a_move_before_registration_or_in_the_future_is_refused() -> None:
    given(household, registered()).when(move(on=date(2019, 1, 1))).then_error(
        RuleViolation, code="before_registration"
    )
    given(household, registered()).when(move(on=date(2020, 2, 1))).then_error(
        RuleViolation, code="in_future"
    )


def test_a_deregistered_household_does_not_move_in_intake() -> None:
    given(household, registered(), deregistered()).when(move()).then_error(
        RuleViolation, code="deregistered"
    )


def test_an_unknown_household_does_not_move() -> None:
    given(household).when(move()).then_error(NotFound, code="household")


# ---------------------------------------------------------------- hand-over


def test_handing_over_names_both_providers_and_the_consent_in_force() -> None:
    given(household, registered(), handover_consent()).when(hand_over()).then(
        HouseholdHandedOver(
            household_id=HID,
            from_provider="caritas",
            to_provider="drk",
            consent_id=HANDOVER_CONSENT,
            consent_given_on=DAY,
            occurred_at=business_time(DAY),
        )
    )


def test_after_a_hand_over_the_new_provider_is_responsible() -> None:
    history: list[Event] = [registered(), handover_consent()]
    events = household.decide(hand_over(), household.fold(history))
    assert household.fold([*history, *events]).provider == "drk"


def test_handing_over_to_the_same_provider_is_refused() -> None:
    given(household, registered()).when(hand_over("caritas")).then_error(
        RuleViolation, code="same_provider"
    )


def test_a_deregistered_household_is_not_handed_over() -> None:
    given(household, registered(), deregistered()).when(hand_over()).then_error(
        RuleViolation, code="deregistered"
    )


def test_a_hand_over_in_the_future_is_refused() -> None:
    given(household, registered()).when(hand_over(on=date(2020, 3, 1))).then_error(
        RuleViolation, code="in_future"
    )


# ---------------------------------------------------------------- deregistration


def test_deregistering_records_reason_and_persons() -> None:
    given(household, registered()).when(deregister(DeregistrationReason.left_city)).then(
        deregistered(DeregistrationReason.left_city)
    )


def test_every_reason_is_accepted() -> None:
    for reason in DeregistrationReason:
        given(household, registered()).when(deregister(reason)).then(deregistered(reason))


def test_a_household_is_deregistered_only_once() -> None:
    error = (
        given(household, registered(), deregistered())
        .when(deregister())
        .then_error(RuleViolation, code="already_deregistered")
    )
    assert "10.01.2020" in error.message


def test_the_state_knows_when_and_why_it_was_deregistered() -> None:
    state = household.fold([registered(), deregistered()])
    assert state.deregistered and state.deregistered_on == DAY
    assert state.deregistration_reason is DeregistrationReason.moved_on_own


def test_a_deregistration_before_registration_or_in_the_future_is_refused() -> None:
    given(household, registered()).when(deregister(on=date(2019, 12, 1))).then_error(
        RuleViolation, code="before_registration"
    )
    given(household, registered()).when(deregister(on=date(2020, 1, 16))).then_error(
        RuleViolation, code="in_future"
    )


def test_an_unknown_household_cannot_be_deregistered() -> None:
    given(household).when(deregister()).then_error(NotFound, code="household")
