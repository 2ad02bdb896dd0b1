"""Intake's household decider: given events, when a command, then events or an error."""

from __future__ import annotations

from datetime import date

from services.intake.domain.household import Household, household
from shared.clock import business_day, business_time
from shared.contracts.intake import (
    AccommodationKind,
    PossibleDuplicateFlagged,
    ResidenceOutlook,
)
from shared.decider import RuleViolation
from shared.testing import given
from support.builders.household import HID, OTHER, register, registered


def test_registering_counts_adults_and_minors_from_the_members() -> None:
    given(household).when(register()).then(registered())


def test_the_registration_day_is_the_business_time_not_today() -> None:
    (event,) = household.decide(register(), household.initial_state)
    assert business_day(event.occurred_at) == date(2019, 12, 31)


def test_a_household_is_registered_only_once() -> None:
    given(household, registered()).when(register()).then_error(
        RuleViolation, code="already_registered"
    )


def test_a_registration_day_in_the_future_is_refused() -> None:
    error = (
        given(household)
        .when(register(registered_on=date(2020, 1, 16)))
        .then_error(RuleViolation, code="registered_in_future")
    )
    assert "Zukunft" in error.message


def test_registration_on_the_day_itself_is_fine() -> None:
    given(household).when(register(registered_on=date(2020, 1, 15))).then(
        registered(occurred_at=business_time(date(2020, 1, 15)))
    )


def test_state_after_registration_knows_provider_and_persons() -> None:
    state = household.fold([registered(minors=3)])
    assert state == Household(
        registered=True,
        household_id=HID,
        provider="caritas",
        registered_on=date(2019, 12, 31),
        accommodation_kind=AccommodationKind.shelter,
        adults=2,
        minors=3,
    )
    assert state.persons == 5


# ---------------------------------------------------------------- registration, version 2


def test_registration_carries_wbs_outlook_languages_and_that_consent_was_given() -> None:
    given(household).when(
        register(
            wbs=True,
            wbs_valid_until=date(2021, 6, 30),
            residence_outlook=ResidenceOutlook.good,
            languages=("ar", "de"),
            consent_given=True,
        )
    ).then(
        registered(
            wbs=True,
            wbs_valid_until=date(2021, 6, 30),
            residence_outlook=ResidenceOutlook.good,
            languages=("ar", "de"),
            consent_given=True,
        )
    )


def test_a_wbs_date_without_a_wbs_is_not_recorded() -> None:
    given(household).when(register(wbs=False, wbs_valid_until=date(2021, 6, 30))).then(registered())


def test_registration_flags_each_look_alike_household_once() -> None:
    given(household).when(register(possible_duplicates=(OTHER, OTHER, HID))).then(
        registered(),
        PossibleDuplicateFlagged(
            household_id=HID, other_household_id=OTHER, occurred_at=registered().occurred_at
        ),
    )


def test_state_after_registration_keeps_the_version_2_facts() -> None:
    state = household.fold(
        [registered(wbs=True, wbs_valid_until=date(2021, 1, 1), languages=("fa",))]
    )
    assert (state.wbs, state.wbs_valid_until, state.languages) == (True, date(2021, 1, 1), ("fa",))
    assert not state.deregistered and state.current_readiness is None
